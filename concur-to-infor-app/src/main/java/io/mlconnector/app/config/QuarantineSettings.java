package io.mlconnector.app.config;

import java.time.Duration;

/**
 * How much of a refused delivery is kept ({@code quarantine.max-body-bytes} of an unsigned body), how many refused
 * deliveries per sender address and minute are kept at all, and how long the database keeps quarantine rows and the
 * raw bodies of finished inbox rows ({@code retention.*}, purged every {@code retention.interval}).
 */
public record QuarantineSettings(int maxBodyBytes, int refusedPerMinute, Duration quarantineAge,
                                 Duration inboxBodyAge, Duration retentionInterval) {
}
