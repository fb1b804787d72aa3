package io.mlconnector.app.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the console and the admin API see it, whatever server received it: the server adapter copies
 * method, path, query, headers and body into this.
 *
 * @param path    the path as received (percent-encoded), e.g. {@code /console/overview}
 * @param query   the raw query string (without {@code ?}), or empty
 * @param headers header names in lower case
 * @param secure  true when the request came over TLS (then the session cookie is marked {@code Secure})
 */
public record WebRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                         boolean secure) {
    public WebRequest {
        query = query == null ? "" : query;
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        headers = lower;
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A query parameter (first value, decoded). */
    public Optional<String> param(String name) {
        return Optional.ofNullable(decodeForm(query).get(name));
    }

    /** A field of an {@code application/x-www-form-urlencoded} body. */
    public Optional<String> formField(String name) {
        return Optional.ofNullable(decodeForm(new String(body, StandardCharsets.UTF_8)).get(name));
    }

    /** A cookie sent with the request. */
    public Optional<String> cookie(String name) {
        for (String header : headers.getOrDefault("cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    public boolean isGet() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    public boolean isPost() {
        return "POST".equals(method);
    }

    /** Decodes {@code a=1&b=2}; the first value of a repeated name wins. */
    static Map<String, String> decodeForm(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(key, value);
        }
        return fields;
    }
}
