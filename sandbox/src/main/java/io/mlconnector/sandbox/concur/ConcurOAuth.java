package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth2 v0 token endpoint of the three simulated hosts
 * (https://developer.concur.com/api-reference/authentication/apidoc.html): the GLZ landing zone, the company's data
 * centre and a second data centre where this company does not live. Tokens are opaque to the sandbox's clients; access
 * tokens are JWT-shaped (header.claims.signature, the signature is random bytes).
 */
final class ConcurOAuth {
    /** Which simulated host received a token call. */
    enum Host { GLZ, HOME, OTHER }

    /** Who a token was issued to; each API's reference page says which it accepts. */
    enum PrincipalType { COMPANY, USER, APP }

    record AccessToken(String value, PrincipalType type, String subject, URI geolocation, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[type=" + type + ", subject=" + subject + ", expiresAt=" + expiresAt + "]";
        }
    }

    private record RefreshToken(PrincipalType type, String subject, Instant expiresAt) {
    }

    private static final Set<String> CONFIDENTIAL_FIELDS =
            Set.of("client_id", "client_secret", "username", "password", "refresh_token", "otp", "code");
    private static final String COMPANY_SCOPE =
            "openid FISVC expense.report.read user.read INVPMT identity.user.ids.read company.read";
    private static final String USER_SCOPE = "openid expense.report.read user.read INVPMT";
    private static final String APP_SCOPE = "events.topic.read FISVC expense.report.read";

    private final ConcurSandboxSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String clientId = UUID.randomUUID().toString();
    private final String clientSecret = UUID.randomUUID().toString();
    private final String companyId = UUID.randomUUID().toString();
    private final String userId = UUID.randomUUID().toString();
    private final String userName = "sandbox.user@mlconnector.example";
    private final String userPassword = "Sandbox-" + UUID.randomUUID();
    private final Map<String, String> requestTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Runnable onCompanyConnected;
    private volatile URI home;
    private volatile URI other;

    ConcurOAuth(ConcurSandboxSettings settings, Clock clock, Runnable onCompanyConnected) {
        this.settings = settings;
        this.clock = clock;
        this.onCompanyConnected = onCompanyConnected;
    }

    void geolocations(URI home, URI other) {
        this.home = home;
        this.other = other;
    }

    String clientId() { return clientId; }
    String clientSecret() { return clientSecret; }
    String companyId() { return companyId; }
    String userId() { return userId; }
    String userName() { return userName; }
    String userPassword() { return userPassword; }

    String newCompanyRequestToken() {
        String token = randomToken(24);
        requestTokens.put(token, companyId);
        return token;
    }

    void expireAccessTokens() {
        Instant now = clock.instant();
        accessTokens.replaceAll((value, token) -> new AccessToken(value, token.type(), token.subject(),
                token.geolocation(), now));
    }

    void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /** The valid access token of an API request, if any: known, not expired, issued for this data centre. */
    Optional<AccessToken> authenticate(SimRequest request) {
        String bearer = request.bearerToken();
        AccessToken token = bearer == null ? null : accessTokens.get(bearer);
        if (token == null || !clock.instant().isBefore(token.expiresAt()) || !token.geolocation().equals(home)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** POST /oauth2/v0/token on one host. */
    SimResponse token(SimRequest request, Host host) {
        if (request.query().keySet().stream().anyMatch(CONFIDENTIAL_FIELDS::contains)) {
            // "Requests containing confidential keys and values will be rejected."
            // (https://developer.concur.com/api-guides/tmc/tmc-overview.html)
            return error(400, "invalid_request", "Requests containing confidential keys and values will be rejected.",
                    null, null);
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")
                || contentType.toLowerCase().contains("charset")) {
            // the form must be application/x-www-form-urlencoded without charset=utf-8 (tmc-overview, above)
            return error(400, "invalid_request",
                    "Content-Type must be application/x-www-form-urlencoded without a charset", null, null);
        }
        Map<String, String> form = request.form();
        if (!clientId.equals(form.get("client_id"))) {
            return error(401, "invalid_client", "Client not found", 61, null);
        }
        if (!clientSecret.equals(form.get("client_secret"))) {
            return error(401, "invalid_client", "Incorrect Credentials", 64, null);
        }
        String grantType = form.getOrDefault("grant_type", "");
        return switch (grantType) {
            case "password" -> passwordGrant(form, host);
            case "refresh_token" -> refreshGrant(form, host);
            case "client_credentials" -> clientCredentialsGrant(host);
            default -> error(400, "unsupported_grant_type",
                    "grant_type '" + grantType + "' is not simulated by the sandbox", null, null);
        };
    }

    private SimResponse passwordGrant(Map<String, String> form, Host host) {
        String credtype = form.getOrDefault("credtype", "password");
        String username = form.getOrDefault("username", "");
        String password = form.getOrDefault("password", "");
        if (credtype.equals("authtoken")) {
            return companyGrant(username, password, host);
        }
        if (!credtype.equals("password")) {
            return error(400, "invalid_request", "credtype invalid", 120, null);
        }
        if (host == Host.OTHER && username.equals(userName)) {
            return livesElsewhere();
        }
        if (!username.equals(userName) || !password.equals(userPassword)) {
            return error(400, "invalid_grant", "Incorrect Credentials. Please Retry", 5, null);
        }
        return issue(PrincipalType.USER, userId, false);
    }

    private SimResponse companyGrant(String username, String requestToken, Host host) {
        if (host == Host.OTHER && username.equals(companyId)) {
            // code 16 of the Response Codes: the principal lives in another data centre; the body names it
            return livesElsewhere();
        }
        String issuedFor = requestTokens.get(requestToken);
        if (issuedFor == null) {
            return error(400, "invalid_grant", "Incorrect Credentials. Please Retry", 5, null);
        }
        if (!issuedFor.equals(username)) {
            return error(400, "invalid_request", "Authtoken was not issued for you", 136, null);
        }
        // the sandbox treats the request token as one-time (the docs disagree: "multiple times", "five times")
        if (requestTokens.remove(requestToken) == null) {
            return error(400, "invalid_grant", "Incorrect Credentials. Please Retry", 5, null);
        }
        SimResponse response = issue(PrincipalType.COMPANY, companyId, true);
        onCompanyConnected.run();
        return response;
    }

    private SimResponse refreshGrant(Map<String, String> form, Host host) {
        String presented = form.get("refresh_token");
        if (presented == null || presented.isBlank()) {
            return error(400, "invalid_request", "refresh_token not supplied", 106, null);
        }
        RefreshToken current = refreshTokens.get(presented);
        if (current == null || !clock.instant().isBefore(current.expiresAt())) {
            refreshTokens.remove(presented);
            return error(400, "invalid_grant", "Bad or expired refresh token", 108, null);
        }
        if (host == Host.OTHER) {
            // refresh calls go to the geolocation saved with the token
            return livesElsewhere();
        }
        String granted = current.type() == PrincipalType.COMPANY ? COMPANY_SCOPE : USER_SCOPE;
        String requested = form.get("scope");
        if (requested != null && !requested.isBlank()
                && !List.of(granted.split(" ")).containsAll(List.of(requested.trim().split("\\s+")))) {
            return error(400, "invalid_scope", "Requested scope exceeds granted scope", 54, null);
        }
        // every refresh rotates the refresh token: the presented one stops working ("overwrite the saved tokens")
        if (refreshTokens.remove(presented) == null) {
            return error(400, "invalid_grant", "Bad or expired refresh token", 108, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        AccessToken access = newAccessToken(current.type(), current.subject(), home);
        body.put("expires_in", Long.toString(settings.accessTokenLifetime().toSeconds()));
        body.put("scope", current.type() == PrincipalType.COMPANY ? COMPANY_SCOPE : USER_SCOPE);
        body.put("token_type", "Bearer");
        body.put("access_token", access.value());
        String refresh = newRefreshToken(current.type(), current.subject());
        body.put("refresh_token", refresh);
        body.put("refresh_expires_in", refreshTokens.get(refresh).expiresAt().getEpochSecond());
        body.put("id_token", idToken(current.type(), current.subject()));
        body.put("geolocation", home.toString());
        return SimResponse.json(200, body);
    }

    private SimResponse clientCredentialsGrant(Host host) {
        // the app token may be obtained at "any Production base URI" and is valid where it was issued
        URI geolocation = host == Host.OTHER ? other : home;
        AccessToken access = newAccessToken(PrincipalType.APP, clientId, geolocation);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expires_in", Long.toString(settings.accessTokenLifetime().toSeconds()));
        body.put("scope", APP_SCOPE);
        body.put("token_type", "Bearer");
        body.put("access_token", access.value());
        body.put("geolocation", geolocation.toString());
        return SimResponse.json(200, body);
    }

    /** Company grants answer like the tmc-overview sample (number expires_in), user grants like the apidoc (string). */
    private SimResponse issue(PrincipalType type, String subject, boolean numericExpiresIn) {
        AccessToken access = newAccessToken(type, subject, home);
        String refresh = newRefreshToken(type, subject);
        Map<String, Object> body = new LinkedHashMap<>();
        long expiresIn = settings.accessTokenLifetime().toSeconds();
        body.put("expires_in", numericExpiresIn ? (Object) expiresIn : Long.toString(expiresIn));
        body.put("scope", type == PrincipalType.COMPANY ? COMPANY_SCOPE : USER_SCOPE);
        body.put("token_type", "Bearer");
        body.put("access_token", access.value());
        body.put("refresh_token", refresh);
        body.put("refresh_expires_in", refreshTokens.get(refresh).expiresAt().getEpochSecond());
        body.put("id_token", idToken(type, subject));
        body.put("geolocation", home.toString());
        return SimResponse.json(200, body);
    }

    private SimResponse livesElsewhere() {
        return error(400, "invalid_request", "User lives elsewhere", 16, home);
    }

    private AccessToken newAccessToken(PrincipalType type, String subject, URI geolocation) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.accessTokenLifetime());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("concur.version", 3);
        claims.put("concur.type", type == PrincipalType.APP ? "App" : type.name().toLowerCase());
        claims.put("sub", subject);
        claims.put("aud", "*");
        claims.put("iss", geolocation.toString());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        AccessToken token = new AccessToken(jwt(claims), type, subject, geolocation, expiresAt);
        accessTokens.put(token.value(), token);
        return token;
    }

    private String newRefreshToken(PrincipalType type, String subject) {
        String token = UUID.randomUUID().toString();
        refreshTokens.put(token, new RefreshToken(type, subject, clock.instant().plus(settings.refreshTokenLifetime())));
        return token;
    }

    private String idToken(PrincipalType type, String subject) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", clientId);
        claims.put("concur.version", 2);
        claims.put("concur.type", type.name().toLowerCase());
        claims.put("sub", subject);
        claims.put("iss", home.toString());
        claims.put("exp", now.plus(settings.accessTokenLifetime()).getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        return jwt(claims);
    }

    private String jwt(Map<String, Object> claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"sandbox\"}"
                    .getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(SimServer.JSON.writeValueAsBytes(claims));
            return header + "." + payload + "." + randomToken(32);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static SimResponse error(int status, String error, String description, Integer code, URI geolocation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        if (code != null) {
            body.put("code", code);
        }
        if (geolocation != null) {
            body.put("geolocation", geolocation.toString());
        }
        return SimResponse.json(status, body);
    }
}
