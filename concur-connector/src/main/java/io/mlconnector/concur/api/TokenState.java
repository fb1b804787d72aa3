package io.mlconnector.concur.api;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What must survive a restart for one principal (notes §1.4 "What to store per company"): the latest refresh token
 * (it can rotate on every refresh), its absolute expiry ({@code refresh_expires_in} is epoch seconds) and the
 * geolocation, i.e. the base URL for every later call. {@link #toString()} never shows the refresh token.
 *
 * @param key              the principal, e.g. {@code company:<companyUUID>} or {@code user:<loginId>}
 * @param refreshToken     the refresh token (secret)
 * @param refreshExpiresAt when the refresh token expires, or null when Concur did not say
 * @param geolocation      the base URL (scheme and host) to use with this token
 * @param updatedAt        when this state was written
 */
public record TokenState(String key, String refreshToken, Instant refreshExpiresAt, URI geolocation, Instant updatedAt) {

    public TokenState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(geolocation, "geolocation");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        return "TokenState[key=" + key + ", refreshToken=****, refreshExpiresAt=" + refreshExpiresAt
                + ", geolocation=" + geolocation + ", updatedAt=" + updatedAt + "]";
    }
}
