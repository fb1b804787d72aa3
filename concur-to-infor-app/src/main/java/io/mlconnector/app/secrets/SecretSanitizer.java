package io.mlconnector.app.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what the pipeline stores: values under secret-looking keys (token, secret, password, sask,
 * authorization, credential, api key, request token...) and bearer/basic credentials inside text are replaced by
 * {@value #REDACTED}.
 */
public final class SecretSanitizer {
    public static final String REDACTED = "[REDACTED]";

    /** Found anywhere in a key (searched, not matched with {@code .*} around it: that backtracks on every key). */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)token|secret|password|passwd|pwd|sask|saak|authorization|credential|api[-_]?key|cookie|private[-_]?key");
    private static final Pattern CREDENTIAL_IN_TEXT = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");

    private SecretSanitizer() {
    }

    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).find();
    }

    /** A copy of {@code node} with secret values redacted, at any depth. */
    public static JsonNode sanitize(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.properties().forEach(field -> copy.set(field.getKey(),
                    isSecretKey(field.getKey()) ? TextNode.valueOf(REDACTED) : sanitize(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(item -> copy.add(sanitize(item)));
            return copy;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(sanitizeText(node.textValue()));
        }
        return node;
    }

    /** Replaces bearer/basic credentials inside free text. */
    public static String sanitizeText(String text) {
        return text == null ? null : CREDENTIAL_IN_TEXT.matcher(text).replaceAll("$1 " + REDACTED);
    }

    /** HTTP headers without the secret ones (Authorization, cookies, tokens...). */
    public static Map<String, List<String>> sanitizeHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && !isSecretKey(name)) {
                List<String> clean = new ArrayList<>();
                values.forEach(v -> clean.add(sanitizeText(v)));
                kept.put(name, clean);
            }
        });
        return kept;
    }
}
