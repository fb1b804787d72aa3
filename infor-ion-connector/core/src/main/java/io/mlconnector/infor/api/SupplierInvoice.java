package io.mlconnector.infor.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A supplier (AP) invoice: the input of {@code Process.SupplierInvoice} and of the M3 APS450MI REST path.
 * It cannot be built when its lines (net + tax) do not add up to the total.
 *
 * @param accountingEntity the accounting entity (M3 DIVI)
 * @param supplierPartyId  the supplier id in the ERP (M3 SUNO)
 * @param payeeId          who is paid (M3 SPYN); the supplier when null
 * @param invoiceNumber    the supplier's invoice number (M3 SINO, BOD DocumentID)
 * @param invoiceDate      invoice date
 * @param currency         ISO 4217 code of every amount
 * @param total            gross total, tax included
 * @param description      header text; may be null
 * @param variationId      revision of the same invoice (default 1)
 * @param lines            one or more cost lines
 */
public record SupplierInvoice(String accountingEntity, String supplierPartyId, String payeeId, String invoiceNumber,
                              LocalDate invoiceDate, String currency, BigDecimal total, String description,
                              long variationId, List<SupplierInvoiceLine> lines) {

    public SupplierInvoice {
        Inputs.required("accountingEntity", accountingEntity);
        Inputs.required("supplierPartyId", supplierPartyId);
        payeeId = payeeId == null || payeeId.isBlank() ? supplierPartyId : payeeId;
        Inputs.required("invoiceNumber", invoiceNumber);
        Inputs.required("invoiceDate", invoiceDate);
        Inputs.currency("currency", currency);
        Inputs.required("total", total);
        lines = List.copyOf(Inputs.required("lines", lines));
        if (lines.isEmpty()) {
            throw Inputs.invalid("supplier invoice " + invoiceNumber + " has no lines");
        }
        BigDecimal sum = lines.stream().map(SupplierInvoiceLine::grossAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            throw Inputs.invalid("supplier invoice " + invoiceNumber + ": lines add up to " + sum.toPlainString() + " "
                    + currency + " but the total is " + total.toPlainString() + " " + currency);
        }
    }

    /** Σ line tax. */
    public BigDecimal taxTotal() {
        return lines.stream().map(SupplierInvoiceLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String accountingEntity;
        private String supplierPartyId;
        private String payeeId;
        private String invoiceNumber;
        private LocalDate invoiceDate;
        private String currency;
        private BigDecimal total;
        private String description;
        private long variationId = 1;
        private final List<SupplierInvoiceLine> lines = new ArrayList<>();

        public Builder accountingEntity(String v) { accountingEntity = v; return this; }
        public Builder supplierPartyId(String v) { supplierPartyId = v; return this; }
        public Builder payeeId(String v) { payeeId = v; return this; }
        public Builder invoiceNumber(String v) { invoiceNumber = v; return this; }
        public Builder invoiceDate(LocalDate v) { invoiceDate = v; return this; }
        public Builder currency(String v) { currency = v; return this; }
        public Builder total(BigDecimal v) { total = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder variationId(long v) { variationId = v; return this; }
        public Builder line(SupplierInvoiceLine line) { lines.add(line); return this; }

        public Builder line(String glAccount, String costCenter, BigDecimal amount, BigDecimal tax, String text) {
            return line(new SupplierInvoiceLine(glAccount, costCenter, amount, tax, text));
        }

        public SupplierInvoice build() {
            return new SupplierInvoice(accountingEntity, supplierPartyId, payeeId, invoiceNumber, invoiceDate, currency,
                    total, description, variationId, lines);
        }
    }
}
