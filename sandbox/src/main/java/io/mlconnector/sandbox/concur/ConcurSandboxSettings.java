package io.mlconnector.sandbox.concur;

import java.time.Duration;

/**
 * How a {@link ConcurSandbox} behaves. Defaults follow the Concur docs
 * (https://developer.concur.com/api-reference/authentication/apidoc.html,
 * https://developer.concur.com/api-reference/ess/v4.event-subscription.html); tests shorten the lifetimes and the
 * backoff.
 *
 * @param accessTokenLifetime      access-token lifetime (docs: 1 hour)
 * @param refreshTokenLifetime     refresh-token lifetime (docs: 6 months), sliding: every refresh restarts it
 * @param deliveryThreads          ESS delivery threads (the old ESS page says 24; 4 keeps a 2-core machine calm)
 * @param duplicateRate            0.0..1.0: chance that an event is delivered a second time (ESS is at-least-once)
 * @param reorder                  when true, every delivery waits a random 0..150 ms first, so events overtake each other
 * @param maxDeliveryAttempts      attempts per delivery before ESS gives up (docs: "at least 3 days"; bounded here)
 * @param retryBackoff             first retry delay; doubles per attempt, capped at 16 times this value
 * @param seed                     seed of every random choice (duplicates, reordering, ids of generated documents)
 * @param deliveryTimeout          how long ESS waits for the subscriber's answer (docs: 60 s)
 * @param requireConnectedCompany  when true, events are delivered only after a company token was obtained for the app,
 *                                 which adds the company UUID to every subscription's {@code companyIds}
 * @param basePort                 0 (default, always in tests): ephemeral ports; otherwise GLZ listens on basePort, the
 *                                 data centre on basePort + 1 and the other data centre on basePort + 2 (standalone use)
 */
public record ConcurSandboxSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime, int deliveryThreads,
                                   double duplicateRate, boolean reorder, int maxDeliveryAttempts,
                                   Duration retryBackoff, long seed, Duration deliveryTimeout,
                                   boolean requireConnectedCompany, int basePort) {

    public ConcurSandboxSettings {
        if (duplicateRate < 0.0 || duplicateRate > 1.0) {
            throw new IllegalArgumentException("duplicateRate must be within 0.0..1.0: " + duplicateRate);
        }
        if (deliveryThreads < 1 || maxDeliveryAttempts < 1) {
            throw new IllegalArgumentException("deliveryThreads and maxDeliveryAttempts must be at least 1");
        }
        if (basePort < 0 || basePort > 65533) {
            throw new IllegalArgumentException("basePort must be 0..65533: " + basePort);
        }
    }

    /** The settings tests change most often; the others keep their defaults. */
    public ConcurSandboxSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime, int deliveryThreads,
                                 double duplicateRate, boolean reorder, int maxDeliveryAttempts, Duration retryBackoff,
                                 long seed) {
        this(accessTokenLifetime, refreshTokenLifetime, deliveryThreads, duplicateRate, reorder, maxDeliveryAttempts,
                retryBackoff, seed, Duration.ofSeconds(60), false, 0);
    }

    public static ConcurSandboxSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values. */
    public Builder toBuilder() {
        return new Builder().accessTokenLifetime(accessTokenLifetime).refreshTokenLifetime(refreshTokenLifetime)
                .deliveryThreads(deliveryThreads).duplicateRate(duplicateRate).reorder(reorder)
                .maxDeliveryAttempts(maxDeliveryAttempts).retryBackoff(retryBackoff).seed(seed)
                .deliveryTimeout(deliveryTimeout).requireConnectedCompany(requireConnectedCompany).basePort(basePort);
    }

    public static final class Builder {
        private Duration accessTokenLifetime = Duration.ofSeconds(3600);
        private Duration refreshTokenLifetime = Duration.ofDays(180);
        private int deliveryThreads = 4;
        private double duplicateRate = 0.0;
        private boolean reorder = false;
        private int maxDeliveryAttempts = 10;
        private Duration retryBackoff = Duration.ofMillis(200);
        private long seed = 20260101L;
        private Duration deliveryTimeout = Duration.ofSeconds(60);
        private boolean requireConnectedCompany = false;
        private int basePort = 0;

        public Builder accessTokenLifetime(Duration v) { accessTokenLifetime = v; return this; }
        public Builder refreshTokenLifetime(Duration v) { refreshTokenLifetime = v; return this; }
        public Builder deliveryThreads(int v) { deliveryThreads = v; return this; }
        public Builder duplicateRate(double v) { duplicateRate = v; return this; }
        public Builder reorder(boolean v) { reorder = v; return this; }
        public Builder maxDeliveryAttempts(int v) { maxDeliveryAttempts = v; return this; }
        public Builder retryBackoff(Duration v) { retryBackoff = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder deliveryTimeout(Duration v) { deliveryTimeout = v; return this; }
        public Builder requireConnectedCompany(boolean v) { requireConnectedCompany = v; return this; }
        public Builder basePort(int v) { basePort = v; return this; }

        public ConcurSandboxSettings build() {
            return new ConcurSandboxSettings(accessTokenLifetime, refreshTokenLifetime, deliveryThreads, duplicateRate,
                    reorder, maxDeliveryAttempts, retryBackoff, seed, deliveryTimeout, requireConnectedCompany, basePort);
        }
    }
}
