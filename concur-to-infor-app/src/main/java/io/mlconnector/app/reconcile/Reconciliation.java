package io.mlconnector.app.reconcile;

import io.mlconnector.app.store.Periods;
import io.mlconnector.app.store.Store;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The month-end question: did everything Concur made ready reach Infor, once, for the right amount, and was Concur told?
 * Answers it for a range of UTC days from the inbox, the audit trail, the posting ledger and the posting confirmations.
 */
public final class Reconciliation {
    /** A longer range is refused: the report is read into memory, and a year is what an audit asks for. */
    public static final int MAX_DAYS = 366;

    private final Periods periods;

    public Reconciliation(Store store) {
        this.periods = new Periods(store.database());
    }

    /**
     * The report of the documents whose events reached the app from {@code from} 00:00 UTC to the end of {@code to}.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the range is longer than {@link #MAX_DAYS}
     */
    public ReconciliationReport between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("the range " + from + " to " + to + " is longer than " + MAX_DAYS
                    + " days; reconcile it in parts");
        }
        return new ReconciliationReport(from, to, Reconciler.reconcile(periods.between(
                from.atStartOfDay().toInstant(ZoneOffset.UTC), to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
    }
}
