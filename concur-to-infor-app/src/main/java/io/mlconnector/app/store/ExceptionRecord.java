package io.mlconnector.app.store;

import java.time.Instant;
import java.util.List;

/**
 * A document a finance user must fix (for example an unknown GL account): why, which codes, and the ESS event id
 * to replay once the mapping is fixed ({@code ml-connector replay <essEventId>}).
 */
public record ExceptionRecord(long id, String essEventId, String reportId, String fisDocumentId, String reason,
                              List<String> codes, String detail, State state, Instant createdAt, Instant resolvedAt) {
    public enum State { OPEN, RESOLVED }

    /** What the CLI/admin API offers to re-run this document. */
    public String replayKey() {
        return essEventId != null ? essEventId : fisDocumentId != null ? fisDocumentId : reportId;
    }
}
