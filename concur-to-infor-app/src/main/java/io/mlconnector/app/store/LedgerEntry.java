package io.mlconnector.app.store;

import java.time.Instant;

/** One posting-ledger row (one chunk). */
public record LedgerEntry(long id, ChunkPlan plan, ChunkState state, String inforReference, String lastError,
                          Instant createdAt, Instant updatedAt, Instant sentAt, Instant acceptedAt) {
    public String messageId() {
        return plan.messageId();
    }
}
