package io.mlconnector.app.reconcile;

import java.math.BigDecimal;

/**
 * The period's totals of one currency and accounting entity.
 *
 * @param concurAmount   Σ of what Concur states for the documents
 * @param journalAmount  Σ of the documents' mapped journals
 * @param postedAmount   Σ of what the ledger posted
 * @param confirmed      documents posted and confirmed (or posted, on the paths without confirmation)
 * @param withDifferences documents with at least one difference
 */
public record Totals(String currency, String accountingEntity, int documents, BigDecimal concurAmount,
                     BigDecimal journalAmount, BigDecimal postedAmount, int confirmed, int withDifferences) {

    Totals add(DocumentReconciliation d) {
        boolean settled = d.outcome() == DocumentOutcome.CONFIRMED || d.outcome() == DocumentOutcome.POSTED;
        return new Totals(currency, accountingEntity, documents + 1, plus(concurAmount, d.concurAmount()),
                plus(journalAmount, d.journalAmount()), plus(postedAmount, d.postedAmount()),
                confirmed + (settled ? 1 : 0), withDifferences + (d.reconciles() ? 0 : 1));
    }

    static Totals empty(String currency, String accountingEntity) {
        return new Totals(currency, accountingEntity, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    }

    private static BigDecimal plus(BigDecimal sum, BigDecimal amount) {
        return amount == null ? sum : sum.add(amount);
    }
}
