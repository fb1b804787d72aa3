package io.mlconnector.app.posting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What is owed to the employee (expense report, cash advance) or the supplier (invoice): the AP invoice part.
 * The GL journal of the same document already credits the payable account; the AP invoice moves that amount onto the
 * supplier's open items.
 *
 * @param supplierId    Infor supplier id (the employee as supplier for expense reports)
 * @param supplierName  display name
 * @param invoiceNumber supplier invoice number: the report id, the vendor invoice number or the cash advance id
 * @param invoiceDate   invoice date
 * @param currency      ISO currency code, the document's
 * @param lines         one line per payable account; {@link #amount()} is their sum
 */
public record Payable(String supplierId, String supplierName, String invoiceNumber, LocalDate invoiceDate,
                      String currency, List<PayableLine> lines) {

    public Payable {
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
    }

    public BigDecimal amount() {
        return lines.stream().map(PayableLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A credit note that cancels this payable. */
    public Payable negated() {
        return new Payable(supplierId, supplierName, invoiceNumber, invoiceDate, currency,
                lines.stream().map(PayableLine::negated).toList());
    }
}
