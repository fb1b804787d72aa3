package io.mlconnector.app.posting;

import java.math.BigDecimal;

/** A journal (document or chunk) whose debits and credits differ; nothing of it may be posted. */
public class UnbalancedEntryException extends RuntimeException {
    private final String entryName;
    private final BigDecimal debits;
    private final BigDecimal credits;

    public UnbalancedEntryException(String entryName, BigDecimal debits, BigDecimal credits) {
        super(entryName + " does not balance: debits " + debits.toPlainString() + " ≠ credits "
                + credits.toPlainString() + " (difference " + debits.subtract(credits).toPlainString() + ")");
        this.entryName = entryName;
        this.debits = debits;
        this.credits = credits;
    }

    public String entryName() {
        return entryName;
    }

    public BigDecimal debits() {
        return debits;
    }

    public BigDecimal credits() {
        return credits;
    }
}
