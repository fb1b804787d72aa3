package io.mlconnector.app.store;

/**
 * The step names of the audit trail, one vocabulary for the route, the CLI and the tests. A step is
 * free text in the database; these are the ones the pipeline writes.
 */
public final class AuditStep {
    public static final String EVENT_RECEIVED = "event received";
    public static final String DUPLICATE_DELIVERY = "duplicate delivery";
    public static final String IGNORED = "ignored";
    public static final String DOCUMENT_FETCHED = "document fetched";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RECALLED = "recalled";
    public static final String MAPPED = "mapped";
    public static final String VALIDATED = "validated";
    public static final String PLANNED = "planned";
    public static final String CHUNK_IN_DOUBT = "chunk in doubt, re-sent with the same messageId";
    public static final String CHUNK_FOUND_IN_ERP = "chunk in doubt, found in the ERP, not sent again";
    public static final String CHUNK_ACCEPTED = "chunk accepted";
    public static final String CHUNK_CONFIRMED_BY_ERP = "chunk confirmed by the ERP";
    public static final String CHUNK_FAILED = "chunk failed";
    public static final String CHUNK_REJECTED_BY_ERP = "chunk rejected by the ERP";
    /** Every chunk is with ION; Concur hears success when the ERP acknowledged the ones that wait for it. */
    public static final String AWAITING_ERP = "awaiting the ERP";
    public static final String NO_ERP_ANSWER = "no answer from the ERP";
    public static final String ERP_ANSWER_RECEIVED = "ERP answer received";
    public static final String ERP_ANSWER_REPEATED = "ERP answer repeated, counted once";
    public static final String ERP_ANSWER_UNMATCHED = "ERP answer for an unknown BODID, ignored";
    public static final String ERP_ANSWER_QUARANTINED = "ERP answer quarantined";
    public static final String CHUNK_REVERSED = "chunk reversed";
    public static final String CONFIRMATION_SENT = "confirmation sent";
    public static final String ERROR_CONFIRMATION_SENT = "error confirmation sent";
    public static final String ALREADY_CONFIRMED = "already confirmed, not sent again";
    /** Non-FIS paths (Expense v4, Invoice v3): every chunk accepted; there is no FIS confirmation to send. */
    public static final String POSTED = "posted";
    public static final String ALREADY_POSTED = "already posted, nothing sent again";
    public static final String REJECTED = "rejected";
    public static final String RETRY_SCHEDULED = "retry scheduled";
    public static final String DEAD_LETTERED = "dead-lettered";
    public static final String REPLAY_REQUESTED = "replay requested";
    /** Old quarantine rows deleted and old DONE inbox bodies cleared, with their counts. */
    public static final String RETENTION_PURGE = "retention purge";
    /** A finance user closed an exception record by hand, with a note (who and why in the detail). */
    public static final String EXCEPTION_RESOLVED = "exception resolved";

    private AuditStep() {
    }
}
