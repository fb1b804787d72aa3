package io.mlconnector.app.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One document of the period: what Concur sent, what the ledger posted, what Concur was told, and what does not match.
 *
 * @param documentId       FIS document id ({@code report-<id>} / {@code paymentrequest-<id>} on the non-FIS paths);
 *                         null when the document was never fetched
 * @param businessId       Concur report, invoice or cash advance id
 * @param docType          expense, invoice, cashadvance; null when never fetched
 * @param accountingEntity Infor accounting entity the mapping chose; null when never mapped
 * @param currency         ISO currency code; null when never fetched
 * @param madeReadyAt      when the first event about it reached the app
 * @param concurAmount     the total Concur states for the document (FIS totalApprovedAmount, requestTotal, ...)
 * @param journalAmount    the document's journal as mapped: Σ debits (GL) the chunks must add up to
 * @param postedAmount     Σ of the posted GL chunks (the AP invoice amount when only an invoice is posted)
 * @param chunksPosted     posted chunks (accepted by ION or confirmed by the ERP, not reversed)
 * @param chunksPlanned    chunks the document was planned in (distinct kind and number)
 * @param outcome          where it ended
 * @param differences      what is wrong; empty for a document that reconciles
 */
public record DocumentReconciliation(String documentId, String businessId, String docType, String accountingEntity,
                                     String currency, Instant madeReadyAt, BigDecimal concurAmount,
                                     BigDecimal journalAmount, BigDecimal postedAmount, int chunksPosted,
                                     int chunksPlanned, DocumentOutcome outcome, List<Difference> differences) {
    public DocumentReconciliation {
        differences = List.copyOf(differences);
    }

    public boolean reconciles() {
        return differences.isEmpty();
    }

    public boolean has(DifferenceKind kind) {
        return differences.stream().anyMatch(d -> d.kind() == kind);
    }
}
