package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The Infor OS authorization server of the sandbox: {@code pu + ot} (token), {@code pu + or} (revoke), and the bearer
 * check the API Gateway applies to every product call, as the ION API SDK describes them
 * (https://github.com/infor-cloud/ion-api-sdk).
 */
final class InforAuthorizationServer {
    static final String TOKEN_PATH = "token.oauth2";
    static final String REVOKE_PATH = "revoke_token.oauth2";
    static final String AUTHORIZATION_PATH = "authorization.oauth2";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final InforSandboxSettings settings;
    private final String clientId;
    private final String clientSecret;
    private final String serviceAccountAccessKey;
    private final String serviceAccountSecretKey;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> grantsByType = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger revocations = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final Deque<Instant> recentServiceAccountLogins = new ArrayDeque<>();

    InforAuthorizationServer(InforSandboxSettings settings) {
        this.settings = settings;
        this.clientId = settings.tenant() + "~" + randomText(32);
        this.clientSecret = randomText(40);
        this.serviceAccountAccessKey = settings.tenant() + "#" + randomText(48);
        this.serviceAccountSecretKey = randomText(64);
    }

    void register(SimServer server) {
        String base = "/" + Pattern.quote(settings.tenant()) + "/as/";
        server.route("POST", base + Pattern.quote(TOKEN_PATH), this::token);
        server.route("POST", base + Pattern.quote(REVOKE_PATH), this::revoke);
        // The Go sample in infor-cloud/ion-api-sdk revokes with GET pu+or?token=…
        // (https://github.com/infor-cloud/ion-api-sdk/blob/master/GolangBackendOAuth2/README.md).
        server.route("GET", base + Pattern.quote(REVOKE_PATH), this::revoke);
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    String serviceAccountAccessKey() {
        return serviceAccountAccessKey;
    }

    String serviceAccountSecretKey() {
        return serviceAccountSecretKey;
    }

    int loginCount() {
        return logins.get();
    }

    int grantCount(String grantType) {
        AtomicInteger count = grantsByType.get(grantType);
        return count == null ? 0 : count.get();
    }

    int revocationCount() {
        return revocations.get();
    }

    int unauthorizedCount() {
        return unauthorized.get();
    }

    long activeAccessTokenCount() {
        Instant now = Instant.now();
        return accessTokens.values().stream().filter(t -> t.isValidAt(now)).count();
    }

    void expireAllTokens() {
        accessTokens.values().forEach(AccessToken::expire);
    }

    void expireAllRefreshTokens() {
        refreshTokens.values().forEach(RefreshToken::expire);
    }

    /** The API Gateway's bearer check: empty when the token is valid, else the 401 answer. */
    Optional<SimResponse> checkBearer(SimRequest request) {
        String token = request.bearerToken();
        if (token == null || token.isEmpty()) {
            return Optional.of(unauthorized("missing bearer token"));
        }
        AccessToken known = accessTokens.get(token);
        if (known == null) {
            return Optional.of(unauthorized("unknown access token"));
        }
        if (!known.isValidAt(Instant.now())) {
            return Optional.of(unauthorized(known.revoked ? "access token revoked" : "access token expired"));
        }
        return Optional.empty();
    }

    private SimResponse token(SimRequest request) {
        Map<String, String> form = request.form();
        ClientAuthentication client = clientAuthentication(request, form);
        if (!client.valid()) {
            return oauthError(401, "invalid_client", "client authentication failed")
                    .withHeader("WWW-Authenticate", "Basic realm=\"token.oauth2\"");
        }
        String grantType = form.get("grant_type");
        if (grantType == null) {
            return oauthError(400, "invalid_request", "grant_type is missing");
        }
        return switch (grantType) {
            case "password" -> passwordGrant(form);
            case "client_credentials" -> serviceLogin("client_credentials", false);
            case "refresh_token" -> refreshGrant(form);
            default -> oauthError(400, "unsupported_grant_type", "grant type not supported: " + grantType);
        };
    }

    private SimResponse passwordGrant(Map<String, String> form) {
        String username = form.get("username");
        String password = form.get("password");
        if (username == null || password == null) {
            return oauthError(400, "invalid_request", "username and password are required for the password grant");
        }
        if (!serviceAccountAccessKey.equals(username) || !serviceAccountSecretKey.equals(password)) {
            return oauthError(400, "invalid_grant", "service account authentication failed");
        }
        return serviceLogin("password", settings.issueRefreshTokens());
    }

    private SimResponse serviceLogin(String grantType, boolean withRefreshToken) {
        if (!admitServiceAccountLogin()) {
            // Usage limits: "Service Account Authentication … 20/min" on Essentials
            // (https://docs.infor.com/inforos/12.0.x/en-us/usagelimits-igs/uup1651243668177.html).
            return oauthError(429, "quota_exceeded", "Quota policy exceeded: service account logins per minute");
        }
        String grant = UUID.randomUUID().toString();
        String refreshToken = null;
        if (withRefreshToken) {
            refreshToken = newRefreshToken(grant);
        }
        return grantTokens(grantType, grant, refreshToken, "password".equals(grantType));
    }

    private SimResponse refreshGrant(Map<String, String> form) {
        String presented = form.get("refresh_token");
        if (presented == null) {
            return oauthError(400, "invalid_request", "refresh_token is missing");
        }
        RefreshToken known = refreshTokens.get(presented);
        if (known == null || !known.isValidAt(Instant.now())) {
            return oauthError(400, "invalid_grant", "refresh token is unknown, expired or revoked");
        }
        // The authorization server's endpoint names are PingFederate's; it rolls refresh tokens by default, so the
        // old value stops working once a new one is issued (not documented by Infor; README-infor.md).
        known.revoked = true;
        String rolled = newRefreshToken(known.grant);
        return grantTokens("refresh_token", known.grant, rolled, true);
    }

    private SimResponse grantTokens(String grantType, String grant, String refreshToken, boolean serviceAccount) {
        Instant expiresAt = Instant.now().plus(settings.tokenLifetime());
        String accessToken = newAccessToken(expiresAt, serviceAccount);
        accessTokens.put(accessToken, new AccessToken(grant, expiresAt));
        logins.incrementAndGet();
        grantsByType.computeIfAbsent(grantType, k -> new AtomicInteger()).incrementAndGet();
        ObjectNode body = SimServer.JSON.createObjectNode();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", settings.tokenLifetime().toSeconds());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        return SimResponse.json(200, body).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    }

    private SimResponse revoke(SimRequest request) {
        Map<String, String> form = "GET".equals(request.method()) ? request.query() : request.form();
        ClientAuthentication client = clientAuthentication(request, form);
        if (!client.valid()) {
            return oauthError(401, "invalid_client", "client authentication failed");
        }
        String token = form.get("token");
        if (token == null) {
            return oauthError(400, "invalid_request", "token is missing");
        }
        revocations.incrementAndGet();
        RefreshToken refresh = refreshTokens.get(token);
        if (refresh != null) {
            // "Once the refresh token is revoked, corresponding access token and grant is revoked as well."
            // (https://github.com/infor-cloud/ion-api-sdk/blob/master/JavaWebClientOAuth2/README.md)
            refreshTokens.values().stream().filter(r -> r.grant.equals(refresh.grant)).forEach(RefreshToken::expire);
            accessTokens.values().stream().filter(a -> a.grant.equals(refresh.grant)).forEach(a -> a.revoked = true);
        }
        AccessToken access = accessTokens.get(token);
        if (access != null) {
            access.revoked = true;
        }
        // RFC 7009 §2.2: unknown tokens are answered 200 as well.
        return SimResponse.empty(200);
    }

    private ClientAuthentication clientAuthentication(SimRequest request, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new ClientAuthentication(false);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new ClientAuthentication(false);
            }
            // Infor documents Basic as base64(client_id:client_secret) with the .ionapi values as they are
            // (https://github.com/infor-cloud/ion-api-sdk/blob/master/JavaWebClientOAuth2/README.md), not the
            // form-urlencoded pair of RFC 6749 §2.3.1: a client id whose '~' arrives as %7E is another client.
            id = decoded.substring(0, colon);
            secret = decoded.substring(colon + 1);
        }
        return new ClientAuthentication(clientId.equals(id) && clientSecret.equals(secret));
    }

    private synchronized boolean admitServiceAccountLogin() {
        if (settings.loginsPerMinuteLimit() <= 0) {
            return true;
        }
        Instant now = Instant.now();
        Instant windowStart = now.minus(Duration.ofMinutes(1));
        while (!recentServiceAccountLogins.isEmpty() && recentServiceAccountLogins.peekFirst().isBefore(windowStart)) {
            recentServiceAccountLogins.pollFirst();
        }
        if (recentServiceAccountLogins.size() >= settings.loginsPerMinuteLimit()) {
            return false;
        }
        recentServiceAccountLogins.addLast(now);
        return true;
    }

    private String newRefreshToken(String grant) {
        String value = randomText(48);
        refreshTokens.put(value, new RefreshToken(grant, Instant.now().plus(settings.refreshTokenLifetime())));
        return value;
    }

    /** A JWT shaped like Infor's (RS256, claims as in infor-access-token-jwt-claims-example.json); opaque to clients. */
    private String newAccessToken(Instant expiresAt, boolean serviceAccount) {
        ObjectNode header = SimServer.JSON.createObjectNode().put("alg", "RS256")
                .put("kid", "InforSandboxAccessTokenSigningCertificate-1");
        ObjectNode claims = SimServer.JSON.createObjectNode();
        claims.put("scope", "null");
        claims.put("client_id", clientId);
        claims.put("jti", UUID.randomUUID().toString());
        if (serviceAccount) {
            claims.put("ServiceAccount", serviceAccountAccessKey);
        }
        claims.put("Identity2", UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("Tenant", settings.tenant());
        claims.put("EnforceScopesForClient", "0");
        claims.put("exp", expiresAt.getEpochSecond());
        String signingInput = B64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64URL.encodeToString(sign(signingInput));
    }

    private static byte[] sign(String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(SigningKey.PAIR.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign sandbox access token", e);
        }
    }

    private SimResponse unauthorized(String description) {
        unauthorized.incrementAndGet();
        return oauthError(401, "invalid_token", description)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    private static SimResponse oauthError(int status, String error, String description) {
        ObjectNode body = SimServer.JSON.createObjectNode().put("error", error).put("error_description", description);
        return SimResponse.json(status, body);
    }

    static String randomText(int hexChars) {
        byte[] bytes = new byte[(hexChars + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, hexChars).toUpperCase();
    }

    private record ClientAuthentication(boolean valid) {
    }

    private static final class AccessToken {
        final String grant;
        volatile Instant expiresAt;
        volatile boolean revoked;

        AccessToken(String grant, Instant expiresAt) {
            this.grant = grant;
            this.expiresAt = expiresAt;
        }

        boolean isValidAt(Instant now) {
            return !revoked && now.isBefore(expiresAt);
        }

        void expire() {
            expiresAt = Instant.EPOCH;
        }
    }

    private static final class RefreshToken {
        final String grant;
        final Instant expiresAt;
        volatile boolean revoked;

        RefreshToken(String grant, Instant expiresAt) {
            this.grant = grant;
            this.expiresAt = expiresAt;
        }

        boolean isValidAt(Instant now) {
            return !revoked && now.isBefore(expiresAt);
        }

        void expire() {
            revoked = true;
        }
    }

    /** One RSA key per JVM: generating it per sandbox would slow every test that starts one. */
    private static final class SigningKey {
        static final KeyPair PAIR = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
