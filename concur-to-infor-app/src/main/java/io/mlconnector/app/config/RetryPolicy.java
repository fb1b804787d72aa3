package io.mlconnector.app.config;

import java.time.Duration;

/**
 * Retry of failed inbox rows: exponential backoff {@code initialBackoff * 2^(attempt-1)} capped at {@code maxBackoff};
 * after {@code maxAttempts} attempts a row is dead-lettered.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** The wait before the next attempt after attempt number {@code attempt} (1-based) failed. */
    public Duration backoffAfter(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration backoff = initialBackoff.multipliedBy(1L << doublings);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
