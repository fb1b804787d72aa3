package io.mlconnector.app.posting;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the payable (AP invoice) part.
 *
 * @param glAccount   the payable (clearing) account the GL journal credited; an AP invoice line on this account
 *                    clears it and opens the item on the supplier
 * @param amount      owed to the supplier; negative when the supplier (employee) owes the company
 * @param description text for the invoice line
 */
public record PayableLine(String glAccount, BigDecimal amount, String description) {
    public PayableLine {
        Objects.requireNonNull(glAccount, "glAccount");
        Objects.requireNonNull(amount, "amount");
    }

    public PayableLine negated() {
        return new PayableLine(glAccount, amount.negate(), description);
    }
}
