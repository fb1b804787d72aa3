package io.mlconnector.infor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a {@code .ionapi} credentials file
 * (https://docs.infor.com/crm/9.0.x/en-us/webclient/upi1639111995644.html): tenant, client, gateway and authorization
 * server URLs and, for backend-service apps, the service-account keys. Undocumented keys ({@code ev}, {@code v},
 * {@code dt}) and unknown keys are kept. {@link #toString()} never shows a secret value.
 */
public final class IonApiCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys without which no token can be requested and no API called. */
    private static final List<String> REQUIRED = List.of("ti", "ci", "cs", "iu", "pu", "ot");
    private static final List<String> SECRET_KEYS = List.of("cs", "saak", "sask");

    private final Map<String, String> values;

    private IonApiCredentials(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Reads a .ionapi file.
     *
     * @throws InforIonException CONFIGURATION when the file cannot be read, is not a JSON object, or lacks a
     *                           required key (the message names the key, never a value)
     */
    public static IonApiCredentials load(Path ionapiFile) {
        try {
            return parse(Files.readString(ionapiFile));
        } catch (IOException e) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION,
                    "cannot read the .ionapi file " + ionapiFile + ": " + e.getClass().getSimpleName());
        }
    }

    /** Parses the JSON text of a .ionapi file; see {@link #load(Path)}. */
    public static IonApiCredentials parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            // the parser's message may quote the file's content, i.e. a secret: do not pass it on
            throw new InforIonException(InforIonErrorType.CONFIGURATION, "the .ionapi content is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION, "the .ionapi content is not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> values.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        for (String key : REQUIRED) {
            requireKey(values, key);
        }
        return new IonApiCredentials(values);
    }

    private static void requireKey(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION,
                    "the .ionapi file has no value for the key \"" + key + "\" (" + describe(key) + ")");
        }
    }

    /**
     * Checks that the service-account keys for the password grant are present.
     *
     * @throws InforIonException CONFIGURATION naming {@code saak} or {@code sask} when missing
     */
    public IonApiCredentials requireServiceAccount() {
        requireKey(values, "saak");
        requireKey(values, "sask");
        return this;
    }

    /** {@code ti}: the tenant identifier. */
    public String tenant() {
        return values.get("ti");
    }

    /** {@code cn}: the authorized app's name, or null. */
    public String applicationName() {
        return values.get("cn");
    }

    /** {@code ci}: the client id (not a secret; it is configured in the IMS connection point). */
    public String clientId() {
        return values.get("ci");
    }

    /** {@code cs}: the client secret. Never log it. */
    public String clientSecret() {
        return values.get("cs");
    }

    /** {@code saak}: the service account access key (password-grant username), or null. */
    public String serviceAccountAccessKey() {
        return values.get("saak");
    }

    /** {@code sask}: the service account secret key (password-grant password), or null. Never log it. */
    public String serviceAccountSecretKey() {
        return values.get("sask");
    }

    /**
     * The token endpoint: {@code pu + ot}
     * (https://github.com/infor-cloud/ion-api-sdk/blob/master/DotNetBackendOAuth2/Program.cs).
     */
    public URI tokenUri() {
        return join(values.get("pu"), values.get("ot"));
    }

    /** The revocation endpoint {@code pu + or}, or null when the file has no {@code or}. */
    public URI revokeUri() {
        String or = values.get("or");
        return or == null || or.isBlank() ? null : join(values.get("pu"), or);
    }

    /**
     * The API base: {@code iu + "/" + ti} (https://docs.infor.com/crm/9.0.x/en-us/webclient/xis1639115454908.html),
     * without a trailing slash.
     */
    public URI apiBase() {
        return URI.create(trimSlashes(normalizeAuthority(values.get("iu"))) + "/" + trimSlashes(tenant()));
    }

    /** Any key's raw value (including {@code ev}, {@code v}, {@code dt} and unknown keys), or null. */
    public String value(String key) {
        return values.get(key);
    }

    /** Every key present in the file, in file order. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    private static URI join(String base, String path) {
        return URI.create(trimSlashes(normalizeAuthority(base)) + "/" + path.replaceAll("^/+", ""));
    }

    /** {@code https://host:443} and {@code https://host} are the same server; keep the short form. */
    private static String normalizeAuthority(String url) {
        String trimmed = url.trim();
        URI uri = URI.create(trimmed);
        boolean defaultPort = uri.getPort() == 443 && "https".equalsIgnoreCase(uri.getScheme())
                || uri.getPort() == 80 && "http".equalsIgnoreCase(uri.getScheme());
        if (!defaultPort) {
            return trimmed;
        }
        return trimmed.replaceFirst("(?i)^(" + uri.getScheme() + "://[^/:]+):" + uri.getPort(), "$1");
    }

    private static String trimSlashes(String s) {
        return s.trim().replaceAll("^/+", "").replaceAll("/+$", "");
    }

    private static String describe(String key) {
        return switch (key) {
            case "ti" -> "tenant identifier";
            case "ci" -> "client id";
            case "cs" -> "client secret";
            case "iu" -> "ION API Gateway base URL";
            case "pu" -> "authorization server base URL";
            case "ot" -> "access token path";
            case "saak" -> "service account access key, needed for the password grant";
            case "sask" -> "service account secret key, needed for the password grant";
            default -> "required";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IonApiCredentials other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    /** Shows tenant, client id, URLs and which keys are present; secret values are masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("IonApiCredentials[");
        values.forEach((k, v) -> {
            boolean secret = SECRET_KEYS.contains(k) || !List.of("ti", "cn", "ci", "iu", "pu", "oa", "ot", "or", "ev", "v", "dt").contains(k);
            sb.append(k).append('=').append(secret ? "****" : v).append(", ");
        });
        sb.setLength(sb.length() - 2);
        return sb.append(']').toString();
    }
}
