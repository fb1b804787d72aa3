package io.mlconnector.app.store;

import java.time.Instant;

/**
 * One posting-ledger row (one chunk).
 *
 * @param sentBy the worker (app instance) that marked it SENT; null when unknown
 */
public record LedgerEntry(long id, ChunkPlan plan, ChunkState state, String inforReference, String lastError,
                          Instant createdAt, Instant updatedAt, Instant sentAt, String sentBy, Instant acceptedAt) {
    public String messageId() {
        return plan.messageId();
    }
}
