package io.mlconnector.app.posting;

import io.mlconnector.infor.api.DebitCredit;

import java.math.BigDecimal;
import java.util.Collection;

/** Debit and credit totals of a set of GL lines. */
public final class Balances {
    private Balances() {
    }

    public static BigDecimal debits(Collection<GlLine> lines) {
        return total(lines, DebitCredit.DEBIT);
    }

    public static BigDecimal credits(Collection<GlLine> lines) {
        return total(lines, DebitCredit.CREDIT);
    }

    public static boolean isBalanced(Collection<GlLine> lines) {
        return debits(lines).compareTo(credits(lines)) == 0;
    }

    /** @throws UnbalancedEntryException naming {@code entryName} when Σ debit ≠ Σ credit */
    public static void requireBalanced(Collection<GlLine> lines, String entryName) {
        BigDecimal debits = debits(lines);
        BigDecimal credits = credits(lines);
        if (debits.compareTo(credits) != 0) {
            throw new UnbalancedEntryException(entryName, debits, credits);
        }
    }

    private static BigDecimal total(Collection<GlLine> lines, DebitCredit side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (GlLine line : lines) {
            if (line.side() == side) {
                sum = sum.add(line.amount());
            }
        }
        return sum;
    }
}
