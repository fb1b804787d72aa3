package io.mlconnector.infor.api;

import java.math.BigDecimal;

/**
 * One cost line of a {@link SupplierInvoice}.
 *
 * @param glAccount   GL account the cost is booked to
 * @param costCenter  cost center; null when none
 * @param amount      net amount (without tax), in the invoice currency
 * @param taxAmount   tax on this line; zero when none (default zero when null)
 * @param description line text; may be null
 */
public record SupplierInvoiceLine(String glAccount, String costCenter, BigDecimal amount, BigDecimal taxAmount,
                                  String description) {

    public SupplierInvoiceLine {
        Inputs.required("glAccount", glAccount);
        Inputs.required("amount", amount);
        taxAmount = taxAmount == null ? BigDecimal.ZERO : taxAmount;
        if (costCenter != null && costCenter.isBlank()) {
            costCenter = null;
        }
    }

    /** Net amount plus tax. */
    public BigDecimal grossAmount() {
        return amount.add(taxAmount);
    }
}
