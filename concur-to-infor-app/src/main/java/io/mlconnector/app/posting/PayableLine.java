package io.mlconnector.app.posting;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the payable (AP invoice) part.
 *
 * @param glAccount   GL account of the line
 * @param costCenter  cost center, {@code null} for balance-sheet accounts
 * @param amount      signed: positive adds to what is owed to the supplier, negative reduces it
 * @param description text for the invoice line
 */
public record PayableLine(String glAccount, String costCenter, BigDecimal amount, String description) {
    public PayableLine {
        Objects.requireNonNull(glAccount, "glAccount");
        Objects.requireNonNull(amount, "amount");
    }

    public PayableLine negated() {
        return new PayableLine(glAccount, costCenter, amount.negate(), description);
    }
}
