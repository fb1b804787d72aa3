package io.mlconnector.app.admin;

import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.LedgerEntry;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything recorded about the document(s) one id names (report id, FIS document id, Infor messageId or ESS event
 * id): the audit trail as a timeline, the chunks with amounts and Infor references, the GL lines as mapped, the
 * posting confirmations and the exception records.
 */
public record DocumentView(String id, List<AuditEntry> timeline, List<LedgerEntry> chunks, List<GlLineView> glLines,
                           List<ConfirmationRecord> confirmations, List<ExceptionRecord> exceptions) {
    public DocumentView {
        timeline = List.copyOf(timeline);
        chunks = List.copyOf(chunks);
        glLines = List.copyOf(glLines);
        confirmations = List.copyOf(confirmations);
        exceptions = List.copyOf(exceptions);
    }

    public boolean found() {
        return !timeline.isEmpty() || !chunks.isEmpty();
    }

    /** One GL line of the mapped journal, as the audit trail recorded it. */
    public record GlLineView(String fisDocumentId, String glAccount, String costCenter, String side, BigDecimal amount,
                             String currency) {
    }
}
