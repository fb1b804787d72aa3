package io.mlconnector.concur.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code ping} proved: a company token was obtained and one read answered.
 *
 * @param geolocation            the base URL in use
 * @param companyId              the company UUID
 * @param refreshTokenExpiresAt  the stored refresh-token expiry, or null when Concur did not say
 * @param accessTokenExpiresAt   when the current access token expires
 * @param probe                  the read that was made
 * @param latency                how long the read took
 */
public record ConcurPingResult(URI geolocation, String companyId, Instant refreshTokenExpiresAt,
                         Instant accessTokenExpiresAt, String probe, Duration latency) {
}
