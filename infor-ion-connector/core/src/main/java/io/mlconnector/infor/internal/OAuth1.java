package io.mlconnector.infor.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OAuth 1.0a request signatures with a consumer key and secret and no token (RFC 5849, "two-legged"), as ION uses for
 * an application's IMS endpoint. Verifies HMAC-SHA1 (RFC 5849 §3.4.2) and HMAC-SHA256; refuses a timestamp outside
 * the allowed skew and a nonce seen before within it (RFC 5849 §3.3).
 */
public final class OAuth1 {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_.~-]+)\\s*=\\s*\"([^\"]*)\"");

    private final String consumerKey;
    private final String consumerSecret;
    private final Duration maxSkew;
    private final Clock clock;
    private final Map<String, Instant> seenNonces = new ConcurrentHashMap<>();

    public OAuth1(String consumerKey, String consumerSecret, Duration maxSkew, Clock clock) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    /**
     * Why the request is not signed by the configured consumer, or null when it is.
     *
     * @param method        the HTTP method
     * @param uri           the request URI as the caller addressed it (scheme, host, port, path, query)
     * @param authorization the {@code Authorization} header (may be null)
     */
    public String refusal(String method, URI uri, String authorization) {
        if (consumerKey.isBlank() || consumerSecret.isBlank()) {
            return "no OAuth consumer key and secret are configured: every call is refused";
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return "missing OAuth Authorization header";
        }
        Map<String, String> oauth = parseHeader(authorization);
        String signature = oauth.remove("oauth_signature");
        oauth.remove("realm");
        if (signature == null || !consumerKey.equals(oauth.get("oauth_consumer_key"))) {
            return "unknown OAuth consumer key or no signature";
        }
        String algorithm = switch (oauth.getOrDefault("oauth_signature_method", "")) {
            case "HMAC-SHA1" -> "HmacSHA1";
            case "HMAC-SHA256" -> "HmacSHA256";
            default -> null;
        };
        if (algorithm == null) {
            return "unsupported oauth_signature_method " + oauth.get("oauth_signature_method");
        }
        String expected = sign(algorithm, baseString(method, uri, oauth), consumerSecret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return "OAuth signature does not verify";
        }
        return freshness(oauth);
    }

    private String freshness(Map<String, String> oauth) {
        Instant now = clock.instant();
        Instant timestamp;
        try {
            timestamp = Instant.ofEpochSecond(Long.parseLong(oauth.getOrDefault("oauth_timestamp", "")));
        } catch (NumberFormatException e) {
            return "oauth_timestamp is not a number";
        }
        if (Duration.between(timestamp, now).abs().compareTo(maxSkew) > 0) {
            return "oauth_timestamp " + timestamp + " is more than " + maxSkew + " from now";
        }
        String nonce = oauth.get("oauth_nonce");
        if (nonce == null || nonce.isBlank()) {
            return "missing oauth_nonce";
        }
        seenNonces.values().removeIf(t -> Duration.between(t, now).compareTo(maxSkew.multipliedBy(2)) > 0);
        if (seenNonces.putIfAbsent(oauth.get("oauth_timestamp") + ":" + nonce, now) != null) {
            return "oauth_nonce already used (a replayed request)";
        }
        return null;
    }

    /** The Authorization header value for a request signed with HMAC-SHA1 (the sandbox's ION uses its own code). */
    public static String authorization(String method, URI uri, String consumerKey, String consumerSecret,
                                       Instant timestamp, String nonce) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(timestamp.getEpochSecond()));
        oauth.put("oauth_version", "1.0");
        String signature = sign("HmacSHA1", baseString(method, uri, oauth), consumerSecret);
        StringBuilder header = new StringBuilder("OAuth ");
        oauth.put("oauth_signature", signature);
        oauth.forEach((k, v) -> header.append(header.length() > 6 ? ", " : "").append(k).append("=\"")
                .append(encode(v)).append('"'));
        return header.toString();
    }

    /** RFC 5849 §3.4.1: method, base string URI and the sorted, encoded parameters (query + oauth_*). */
    static String baseString(String method, URI uri, Map<String, String> oauth) {
        List<String[]> params = new ArrayList<>();
        oauth.forEach((k, v) -> params.add(new String[]{encode(k), encode(v)}));
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.add(new String[]{encode(name), encode(value)});
            }
        }
        params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : params) {
            normalized.append(normalized.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
        }
        return method.toUpperCase() + "&" + encode(baseUri(uri)) + "&" + encode(normalized.toString());
    }

    private static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase();
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase() + (defaultPort ? "" : ":" + port) + path;
    }

    private static String sign(String algorithm, String baseString, String consumerSecret) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((encode(consumerSecret) + "&").getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static Map<String, String> parseHeader(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header.substring(6));
        while (m.find()) {
            params.put(m.group(1), decode(m.group(2)));
        }
        return params;
    }

    /** RFC 5849 §3.6: RFC 3986 percent-encoding, unreserved characters left as they are. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
