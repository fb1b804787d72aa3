package io.mlconnector.concur.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A parsed /oauth2/v0/token answer (https://developer.concur.com/api-reference/authentication/apidoc.html).
 * {@code expires_in} arrives as a string or a number; {@code refresh_expires_in} is epoch seconds. toString hides the
 * tokens.
 */
public record TokenResponse(String accessToken, Duration expiresIn, String refreshToken, Instant refreshExpiresAt,
                            URI geolocation, String scope, String idToken) {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    static TokenResponse parse(JsonNode json) {
        String access = ConcurJson.text(json, "access_token");
        if (access == null || access.isBlank()) {
            throw new IllegalArgumentException("token answer has no access_token");
        }
        Long expires = ConcurJson.longValue(json, "expires_in");
        Long refreshEpoch = ConcurJson.longValue(json, "refresh_expires_in");
        return new TokenResponse(access, expires == null ? DEFAULT_LIFETIME : Duration.ofSeconds(expires),
                ConcurJson.text(json, "refresh_token"),
                refreshEpoch == null ? null : Instant.ofEpochSecond(refreshEpoch),
                Geolocation.normalize(ConcurJson.text(json, "geolocation")),
                ConcurJson.text(json, "scope"), ConcurJson.text(json, "id_token"));
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, expiresIn=" + expiresIn + ", refreshToken="
                + (refreshToken == null ? "none" : "****") + ", refreshExpiresAt=" + refreshExpiresAt
                + ", geolocation=" + geolocation + ", scope=" + scope + "]";
    }
}
