package io.mlconnector.app.posting;

import io.mlconnector.infor.api.DebitCredit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a GL journal.
 *
 * @param glAccount          Infor GL account
 * @param costCenter         Infor cost center, {@code null} for balance-sheet lines
 * @param amount             positive amount in {@code currency}, scale as received from Concur
 * @param side               debit or credit
 * @param currency           ISO currency code, always the document's
 * @param description        text for the journal line
 * @param sourceEntryId      Concur expense entry id / invoice line / cash advance id the line comes from
 * @param sourceAllocationId Concur allocation id (or key), {@code null} when Concur sent none
 * @param groupKey           lines with the same key balance together and are never split across chunks
 * @param role               why the line exists
 */
public record GlLine(String glAccount, String costCenter, BigDecimal amount, DebitCredit side, String currency,
                     String description, String sourceEntryId, String sourceAllocationId, String groupKey,
                     LineRole role) {

    public GlLine {
        Objects.requireNonNull(glAccount, "glAccount");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(groupKey, "groupKey");
        Objects.requireNonNull(role, "role");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("GL line amounts are positive; the side carries the sign: " + amount);
        }
    }

    /** Debit positive, credit negative: what this line adds to a balance. */
    public BigDecimal signedAmount() {
        return switch (side) {
            case DEBIT -> amount;
            case CREDIT -> amount.negate();
        };
    }

    /** The same line on the other side: what a reversing entry posts. */
    public GlLine reversed() {
        return new GlLine(glAccount, costCenter, amount, side.opposite(), currency, description, sourceEntryId,
                sourceAllocationId, groupKey, role);
    }
}
