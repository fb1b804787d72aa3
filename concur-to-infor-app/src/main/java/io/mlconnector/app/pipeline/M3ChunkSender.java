package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.ChunkIds;
import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.app.posting.Payable;
import io.mlconnector.app.posting.PayableLine;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.posting.PostingPlan;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.M3InvoiceResult;
import io.mlconnector.infor.api.M3Operations;
import io.mlconnector.infor.api.SupplierInvoice;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code infor.posting-mode=M3_REST}: the document posts as one M3 supplier invoice through {@code APS450MI}
 * (https://github.com/infor-cloud/xtendm3) that <em>replaces</em> the GL journal: AddHead for the supplier (the
 * employee, or the vendor of an invoice) and one cost line ({@code RDTP=8}, {@code AIT1} GL account, {@code AIT2} cost
 * center) per entry of {@link Payable#distribution()}. A negative payable (the employee owes the company) is a credit
 * note: negative amounts, as M3 books them.
 *
 * <p>The M3 key of an invoice is payee + supplier + supplier invoice number (SPYN, SUNO, SINO); {@code LstInvBySupInv}
 * on that key is the existence check that makes the posting exactly-once in M3. M3 answers synchronously, so a
 * posted invoice is confirmed by the ERP, not merely accepted.
 */
final class M3ChunkSender implements ChunkSender {
    /** M3 field lengths: SUNO (supplier) 10, SINO (supplier invoice number) 24 characters. */
    static final int MAX_SUPPLIER = 10;
    static final int MAX_INVOICE_NUMBER = 24;
    /** A credit note that backs out an invoice carries the invoice's number with this suffix. */
    static final String CREDIT_NOTE_SUFFIX = "-CN";
    private static final Set<InforIonErrorType> REFUSED = Set.of(InforIonErrorType.M3_ERROR,
            InforIonErrorType.INVALID_INPUT);

    private final M3Operations m3;

    M3ChunkSender(M3Operations m3) {
        this.m3 = m3;
    }

    private record M3Chunk(PostingChunk chunk, SupplierInvoice invoice, String messageId) implements Outgoing {
        @Override
        public String reference() {
            return "APS450MI " + invoice.accountingEntity() + "/" + invoice.supplierPartyId() + "/"
                    + invoice.invoiceNumber();
        }
    }

    /**
     * One AP chunk carrying the whole cost distribution: M3 takes an invoice of any number of lines, so nothing is
     * split. A document that owes nobody anything is refused (README-posting.md, "No payable").
     */
    @Override
    public PostingPlan plan(AccountingDocument document) {
        Payable payable = document.payable().orElseThrow(() -> new DocumentRejected(RejectionReason.NO_PAYABLE_FOR_M3,
                List.of(), List.of("Nothing in this document is owed to the employee or a supplier (for example every "
                        + "expense is on a company card), so there is no M3 supplier invoice to post through APS450MI, "
                        + "and M3's GL interface (GLS840MI) has no documented record layout. Post such documents "
                        + "with infor.posting-mode=BOD or book the journal in M3 by hand.")));
        if (payable.supplierId().length() > MAX_SUPPLIER) {
            throw new DocumentRejected(RejectionReason.M3_SUPPLIER_ID_TOO_LONG, List.of(payable.supplierId()), List.of(
                    "Supplier id " + payable.supplierId() + " is longer than M3's " + MAX_SUPPLIER + "-character "
                            + "supplier number (SUNO): map it to the M3 supplier with payable.*SupplierId in the mapping"));
        }
        if (payable.distribution().isEmpty()) {
            throw new DocumentRejected(RejectionReason.NO_COST_LINES_FOR_M3, List.of(), List.of("The payable of "
                    + document.fisDocumentId() + " has no cost distribution to post as M3 cost lines"));
        }
        PostingChunk invoice = new PostingChunk(ChunkIds.of(document.fisDocumentId(), PostingKind.AP, 1, 1),
                PostingKind.AP, 1, 1, document.fisDocumentId(), document.docType(), document.businessId(),
                document.accountingEntity(), document.currency(), document.postingDate(), document.description(),
                List.of(), Optional.of(payable), Optional.empty());
        return new PostingPlan(document.fisDocumentId(), List.of(), Optional.of(invoice));
    }

    @Override
    public Outgoing prepare(PostingChunk chunk) {
        return new M3Chunk(chunk, supplierInvoice(chunk), messageId(chunk));
    }

    /** The ledger messageId: the chunk id under an {@code m3} prefix, never equal to a BOD messageId. */
    static String messageId(PostingChunk chunk) {
        return "mlc:m3:APS450MI:" + chunk.id();
    }

    @Override
    public Optional<String> findExisting(Outgoing outgoing) {
        SupplierInvoice invoice = ((M3Chunk) outgoing).invoice();
        return m3.findSupplierInvoice(invoice.payeeId(), invoice.supplierPartyId(), invoice.invoiceNumber());
    }

    @Override
    public boolean canFindExisting() {
        return true;
    }

    /** AddHead + AddLine per cost line; the connector checks LstInvBySupInv first, so a found invoice is not added. */
    @Override
    public String endpointUri() {
        return "infor-ion:m3-add-supplier-invoice";
    }

    @Override
    public Object message(Outgoing outgoing) {
        return ((M3Chunk) outgoing).invoice();
    }

    @Override
    public Sent sent(Outgoing outgoing, Object reply) {
        SupplierInvoice invoice = ((M3Chunk) outgoing).invoice();
        M3InvoiceResult result = (M3InvoiceResult) reply;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("program", "APS450MI");
        detail.put("invoiceBatchNumber", result.invoiceBatchNumber());
        detail.put("supplier", invoice.supplierPartyId());
        detail.put("supplierInvoiceNumber", invoice.invoiceNumber());
        detail.put("amount", invoice.total().toPlainString());
        detail.put("currency", invoice.currency());
        detail.put("alreadyPresent", result.alreadyPresent());
        detail.put("costLines", result.linesAdded());
        return new Sent(result.invoiceBatchNumber(), detail);
    }

    @Override
    public boolean refuses(InforIonException e) {
        return REFUSED.contains(e.type());
    }

    @Override
    public ChunkState stateWhenSent() {
        return ChunkState.ERP_CONFIRMED;
    }

    @Override
    public String documentNumber(PostingChunk chunk) {
        return supplierInvoiceNumber(chunk);
    }

    @Override
    public String target() {
        return "Infor M3";
    }

    /** The chunk as the M3 supplier invoice (or credit note, for a reversal): cost lines from the distribution. */
    static SupplierInvoice supplierInvoice(PostingChunk chunk) {
        Payable payable = chunk.payable().orElseThrow(() -> new IllegalArgumentException(chunk.id()
                + " is not an AP chunk"));
        SupplierInvoice.Builder invoice = SupplierInvoice.builder()
                .accountingEntity(chunk.accountingEntity())
                .supplierPartyId(payable.supplierId())
                .invoiceNumber(supplierInvoiceNumber(chunk))
                .invoiceDate(payable.invoiceDate() != null ? payable.invoiceDate() : chunk.postingDate())
                .currency(chunk.currency())
                .total(payable.amount())
                .description(chunk.description())
                .variationId(1);
        for (PayableLine line : payable.distribution()) {
            invoice.line(line.glAccount(), line.costCenter(), line.amount(), BigDecimal.ZERO, line.description());
        }
        return invoice.build();
    }

    /**
     * SINO: the report id, vendor invoice number or cash advance id (what a finance user searches in M3), with
     * {@value #CREDIT_NOTE_SUFFIX} for the credit note that reverses it; longer than M3's 24 characters → its first 16
     * characters, {@code -} and 7 hex digits of its SHA-256, still deterministic.
     */
    static String supplierInvoiceNumber(PostingChunk chunk) {
        String number = chunk.payable().orElseThrow().invoiceNumber();
        return fit(chunk.isReversal() ? fit(number) + CREDIT_NOTE_SUFFIX : number);
    }

    static String fit(String number) {
        if (number.length() <= MAX_INVOICE_NUMBER) {
            return number;
        }
        return number.substring(0, MAX_INVOICE_NUMBER - 8) + "-" + ContentHash.sha256(number).substring(0, 7).toUpperCase();
    }
}
