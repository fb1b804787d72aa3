package io.mlconnector.app.store;

import java.time.Instant;
import java.util.List;

/**
 * What the store holds about the events received in one period, for the reconciliation: the events, the audit steps
 * that tell a document's story, its ledger chunks and its posting confirmations.
 *
 * @param events        inbox events received in the period, oldest first
 * @param audit         their audit entries of the steps {@link #STEPS}, oldest first
 * @param ledger        every chunk of the documents fetched for those events
 * @param confirmations the posting confirmations of those documents
 */
public record PeriodRecords(List<Event> events, List<AuditEntry> audit, List<LedgerEntry> ledger,
                            List<ConfirmationRecord> confirmations) {
    /** The audit steps the reconciliation reads. */
    public static final List<String> STEPS = List.of(AuditStep.DOCUMENT_FETCHED, AuditStep.MAPPED, AuditStep.RECALLED,
            AuditStep.IGNORED, AuditStep.REJECTED, AuditStep.POSTED);

    public PeriodRecords {
        events = List.copyOf(events);
        audit = List.copyOf(audit);
        ledger = List.copyOf(ledger);
        confirmations = List.copyOf(confirmations);
    }

    /** One inbox event, without its body. */
    public record Event(String essEventId, String topic, String eventType, String businessId, InboxState state,
                        String lastError, Instant receivedAt) {
    }
}
