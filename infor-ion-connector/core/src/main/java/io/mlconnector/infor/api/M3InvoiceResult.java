package io.mlconnector.infor.api;

/**
 * The outcome of {@link M3Operations#addSupplierInvoice(SupplierInvoice)}.
 *
 * @param invoiceBatchNumber M3's INBN
 * @param alreadyPresent     true when LstInvBySupInv found the invoice, so nothing was added
 * @param linesAdded         cost lines added now (0 when already present)
 */
public record M3InvoiceResult(String invoiceBatchNumber, boolean alreadyPresent, int linesAdded) {
}
