package io.mlconnector.app.posting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What is owed to the employee (expense report, cash advance) or the supplier (invoice): the AP invoice part.
 *
 * <p>It comes with two equivalent line sets, for the two ways a target can book it:
 * <ul>
 *   <li>{@link #lines()} — the GL journal is posted too and already credits the payable account; the AP invoice has
 *       one line per payable (clearing) account, which clears it and opens the item on the supplier (ION path: journal
 *       BOD + SupplierInvoice BOD).</li>
 *   <li>{@link #distribution()} — the AP invoice <em>replaces</em> the journal (M3 APS450MI cost lines, RDTP=8 with
 *       AIT1 = GL account, AIT2 = cost center): every journal line except the payable ones, summed per GL account and
 *       cost center, debit positive. It adds up to the same amount because the journal balances.</li>
 * </ul>
 *
 * @param supplierId    Infor supplier id (the employee as supplier for expense reports)
 * @param supplierName  display name
 * @param invoiceNumber supplier invoice number: the report id, the vendor invoice number or the cash advance id
 * @param invoiceDate   invoice date
 * @param currency      ISO currency code, the document's
 * @param lines         one line per payable account; {@link #amount()} is their sum
 * @param distribution  the cost distribution for targets where the AP invoice replaces the journal
 */
public record Payable(String supplierId, String supplierName, String invoiceNumber, LocalDate invoiceDate,
                      String currency, List<PayableLine> lines, List<PayableLine> distribution) {

    public Payable {
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        distribution = List.copyOf(distribution);
        BigDecimal distributed = sum(distribution);
        if (!distribution.isEmpty() && distributed.compareTo(sum(lines)) != 0) {
            throw new UnbalancedEntryException("payable " + invoiceNumber + " distribution", distributed, sum(lines));
        }
    }

    /** What is owed; negative when the supplier (employee) owes the company. */
    public BigDecimal amount() {
        return sum(lines);
    }

    /** A credit note that cancels this payable. */
    public Payable negated() {
        return new Payable(supplierId, supplierName, invoiceNumber, invoiceDate, currency,
                lines.stream().map(PayableLine::negated).toList(),
                distribution.stream().map(PayableLine::negated).toList());
    }

    private static BigDecimal sum(List<PayableLine> payableLines) {
        return payableLines.stream().map(PayableLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
