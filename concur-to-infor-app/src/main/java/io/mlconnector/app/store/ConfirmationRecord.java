package io.mlconnector.app.store;

import java.time.Instant;

/**
 * The FIS posting confirmation of one document: its outcome is fixed when first recorded, and it is sent once.
 *
 * @param outcome SUCCESS or ERROR
 * @param state   PENDING (decided, not yet sent) or SENT
 */
public record ConfirmationRecord(String fisDocumentId, Outcome outcome, String detail, State state, Instant createdAt,
                                 Instant sentAt) {
    public enum Outcome { SUCCESS, ERROR }

    public enum State { PENDING, SENT }
}
