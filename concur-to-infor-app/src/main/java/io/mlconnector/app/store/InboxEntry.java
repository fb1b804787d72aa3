package io.mlconnector.app.store;

import java.time.Instant;

/** One inbox row. {@code attempts} counts claims, so a row whose worker died also moves towards dead-letter. */
public record InboxEntry(long id, InboxEvent event, InboxState state, int attempts, Instant nextAttemptAt,
                         String lastError, String claimedBy, Instant claimedUntil, Instant receivedAt) {

    public String essEventId() {
        return event.essEventId();
    }
}
