package io.mlconnector.concur.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Authentication API v0 token endpoint (https://developer.concur.com/api-reference/authentication/apidoc.html):
 * form body without charset, credentials never in the URL; OAuth code 16 ("user lives elsewhere") is retried once at
 * the returned geolocation, code 108 becomes REAUTHORIZATION_REQUIRED, every other code AUTHENTICATION_FAILED with
 * Concur's code and description.
 */
public final class OAuthClient {
    static final String TOKEN_PATH = "/oauth2/v0/token";
    private static final Logger LOG = LoggerFactory.getLogger(OAuthClient.class);
    private static final int CODE_USER_LIVES_ELSEWHERE = 16;
    private static final int CODE_BAD_REFRESH_TOKEN = 108;

    private final ConcurConfiguration config;
    private final ConcurHttp http;

    public OAuthClient(ConcurConfiguration config, ConcurHttp http) {
        this.config = config;
        this.http = http;
    }

    /** Company token: password grant with credtype=authtoken, username = company UUID, password = request token. */
    public Grant companyGrant(URI base, String requestToken) {
        Map<String, String> form = credentials();
        form.put("grant_type", "password");
        form.put("username", config.companyId());
        form.put("password", requestToken);
        form.put("credtype", "authtoken");
        return token(base, form, "company password grant");
    }

    /** User token: password grant with credtype=password. */
    public Grant userGrant(URI base, String userName, String password) {
        Map<String, String> form = credentials();
        form.put("grant_type", "password");
        form.put("username", userName);
        form.put("password", password);
        form.put("credtype", "password");
        return token(base, form, "user password grant");
    }

    /** Refresh grant against the geolocation saved with the token. */
    public Grant refreshGrant(URI geolocation, String refreshToken) {
        Map<String, String> form = credentials();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return token(geolocation, form, "refresh grant");
    }

    /** App token (client_credentials), for the ESS management API only. */
    public Grant appGrant(URI base) {
        Map<String, String> form = credentials();
        form.put("grant_type", "client_credentials");
        return token(base, form, "client credentials grant");
    }

    /** A token answer and the base it was finally obtained from (after a code-16 redirect). */
    public record Grant(TokenResponse token, URI answeredBy) {
        /** The geolocation of the answer, or the base that answered when the answer carried none. */
        public URI geolocation() {
            return token.geolocation() != null ? token.geolocation() : answeredBy;
        }
    }

    private Map<String, String> credentials() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        return form;
    }

    private Grant token(URI base, Map<String, String> form, String grantName) {
        URI normalizedBase = Geolocation.normalize(base);
        try {
            return new Grant(post(normalizedBase, form, grantName), normalizedBase);
        } catch (RedirectToGeolocation redirect) {
            LOG.info("Concur {}: code 16, retrying at geolocation {}", grantName, redirect.geolocation);
            try {
                return new Grant(post(redirect.geolocation, form, grantName), redirect.geolocation);
            } catch (RedirectToGeolocation again) {
                throw new ConcurException(ConcurErrorType.AUTHENTICATION_FAILED, grantName
                        + ": Concur answered code 16 twice (" + redirect.geolocation + ", then " + again.geolocation
                        + ")", CODE_USER_LIVES_ELSEWHERE, again.status, again.correlationId, null, null);
            }
        }
    }

    private TokenResponse post(URI base, Map<String, String> form, String grantName) {
        byte[] body = encode(form).getBytes(StandardCharsets.UTF_8);
        // no "; charset=utf-8": Concur rejects it on the token endpoint
        // (https://developer.concur.com/api-guides/tmc/tmc-overview.html)
        ConcurHttp.Response response = http.execute(ConcurHttp.Call.send("POST", base.resolve(TOKEN_PATH),
                "application/x-www-form-urlencoded", body, null));
        JsonNode json = parse(response, grantName);
        if (response.isSuccess()) {
            try {
                return TokenResponse.parse(json);
            } catch (IllegalArgumentException e) {
                throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, grantName + ": " + e.getMessage(), null,
                        response.status(), response.correlationId(), null, null);
            }
        }
        throw failure(response, json, grantName);
    }

    private RuntimeException failure(ConcurHttp.Response response, JsonNode json, String grantName) {
        Long code = json == null ? null : safeCode(json);
        String error = json == null ? null : ConcurJson.text(json, "error");
        String description = json == null ? null : ConcurJson.text(json, "error_description");
        Integer concurCode = code == null ? null : code.intValue();
        String text = grantName + " refused: HTTP " + response.status()
                + (error == null ? "" : " " + error) + (description == null ? "" : " - " + description);
        if (concurCode != null && concurCode == CODE_USER_LIVES_ELSEWHERE) {
            String geo = ConcurJson.text(json, "geolocation");
            if (geo != null) {
                return new RedirectToGeolocation(Geolocation.normalize(geo), response.status(),
                        response.correlationId());
            }
        }
        ConcurErrorType type;
        if (concurCode != null && concurCode == CODE_BAD_REFRESH_TOKEN) {
            type = ConcurErrorType.REAUTHORIZATION_REQUIRED;
        } else if (response.status() >= 500) {
            type = ConcurErrorType.SERVICE_UNAVAILABLE;
        } else {
            type = ConcurErrorType.AUTHENTICATION_FAILED;
        }
        return new ConcurException(type, text, concurCode, response.status(), response.correlationId(), null, null);
    }

    private static Long safeCode(JsonNode json) {
        try {
            return ConcurJson.longValue(json, "code");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode parse(ConcurHttp.Response response, String grantName) {
        try {
            return response.body().length == 0 ? null : ConcurJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            if (response.isSuccess()) {
                throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, grantName + ": answer is not JSON", null,
                        response.status(), response.correlationId(), null, null);
            }
            return null;
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Code 16: the principal lives in another data centre. */
    private static final class RedirectToGeolocation extends RuntimeException {
        final URI geolocation;
        final int status;
        final String correlationId;

        RedirectToGeolocation(URI geolocation, int status, String correlationId) {
            super(null, null, false, false);
            this.geolocation = geolocation;
            this.status = status;
            this.correlationId = correlationId;
        }
    }
}
