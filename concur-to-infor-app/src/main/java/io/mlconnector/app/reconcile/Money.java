package io.mlconnector.app.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the report writes an amount: at least two decimals, never in exponent form. */
public final class Money {
    private Money() {
    }

    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal shown = amount.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount.stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2, RoundingMode.UNNECESSARY);
        }
        return shown.toPlainString();
    }
}
