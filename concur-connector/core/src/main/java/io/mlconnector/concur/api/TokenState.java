package io.mlconnector.concur.api;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What must survive a restart for one principal (https://developer.concur.com/api-reference/authentication/apidoc.html,
 * "Enterprise Business Applications"): the latest refresh token (it can rotate on every refresh), its absolute expiry
 * ({@code refresh_expires_in} is epoch seconds) and the geolocation, i.e. the base URL for every later call; and the
 * current access token, so that a restart within its hour needs no refresh grant (each refresh rotates the refresh
 * token, and a process killed between Concur's answer and the store's write would be left holding a dead one).
 * {@link #toString()} never shows either token.
 *
 * @param key              the principal, e.g. {@code company:<companyUUID>} or {@code user:<loginId>}
 * @param refreshToken     the refresh token (secret)
 * @param refreshExpiresAt when the refresh token expires, or null when Concur did not say
 * @param geolocation      the base URL (scheme and host) to use with this token
 * @param updatedAt        when this state was written
 * @param accessToken      the current access token (secret), or null
 * @param accessExpiresAt  when the access token expires, or null
 */
public record TokenState(String key, String refreshToken, Instant refreshExpiresAt, URI geolocation, Instant updatedAt,
                         String accessToken, Instant accessExpiresAt) {

    /** A state without an access token. */
    public TokenState(String key, String refreshToken, Instant refreshExpiresAt, URI geolocation, Instant updatedAt) {
        this(key, refreshToken, refreshExpiresAt, geolocation, updatedAt, null, null);
    }

    public TokenState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(geolocation, "geolocation");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        return "TokenState[key=" + key + ", refreshToken=****, refreshExpiresAt=" + refreshExpiresAt
                + ", geolocation=" + geolocation + ", updatedAt=" + updatedAt + ", accessToken="
                + (accessToken == null ? "none" : "****") + ", accessExpiresAt=" + accessExpiresAt + "]";
    }
}
