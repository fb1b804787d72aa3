package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A FIS financial document
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html, fields:
 * https://developer.concur.com/api-reference/financial-integration/v4.financial-documents-schema.html): the envelope
 * fields, a few typed values, the posting lines, and the raw document as a Jackson tree ({@link #json()}) for mappings
 * that read it directly (JSONata).
 */
public final class FisDocument {
    private final String id;
    private final String docType;
    private final String companyId;
    private final String entityId;
    private final String companyUuid;
    private final String erpSystemId;
    private final String docStatus;
    private final String businessId;
    private final String revisionNumber;
    private final String currency;
    private final BigDecimal totalAmount;
    private final List<FisJournalLine> journalLines;
    private final JsonNode document;
    private final JsonNode envelope;

    public FisDocument(String id, String docType, String companyId, String entityId, String companyUuid,
                       String erpSystemId, String docStatus, String businessId, String revisionNumber, String currency,
                       BigDecimal totalAmount, List<FisJournalLine> journalLines, JsonNode document,
                       JsonNode envelope) {
        this.id = id;
        this.docType = docType;
        this.companyId = companyId;
        this.entityId = entityId;
        this.companyUuid = companyUuid;
        this.erpSystemId = erpSystemId;
        this.docStatus = docStatus;
        this.businessId = businessId;
        this.revisionNumber = revisionNumber;
        this.currency = currency;
        this.totalAmount = totalAmount;
        this.journalLines = List.copyOf(journalLines);
        this.document = document;
        this.envelope = envelope;
    }

    /**
     * Reads a stored FIS document again: a GET answer (either wrapper, first document), one {@code content[]} item,
     * or a bare financial document.
     *
     * @param docTypeHint used when the JSON does not say ({@code expense}, {@code invoice}, {@code cashadvance}), or null
     * @throws ConcurException INVALID_MESSAGE when no document is found or amounts are not numbers
     */
    public static FisDocument read(JsonNode json, String docTypeHint) {
        List<FisDocument> documents = io.mlconnector.concur.internal.FisParser.page(json, docTypeHint).documents();
        if (documents.isEmpty()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "no FIS document in the JSON");
        }
        return documents.get(0);
    }

    /**
     * The FIS document id: what acknowledgements and confirmations carry, not the report id. Null for a bare document.
     */
    public String id() { return id; }
    /** {@code expense}, {@code invoice}, {@code cashadvance}, … */
    public String docType() { return docType; }
    public String companyId() { return companyId; }
    public String entityId() { return entityId; }
    public String companyUuid() { return companyUuid; }
    public String erpSystemId() { return erpSystemId; }
    /** As sent (READY, ACKNOWLEDGED, …); unknown values are kept, not rejected. */
    public String docStatus() { return docStatus; }
    /** Expense {@code reportId}, invoice {@code requestId} or {@code cashAdvanceId}: the event's documentId. */
    public String businessId() { return businessId; }
    /** {@code revisionNumber} as text (it arrives as a string). */
    public String revisionNumber() { return revisionNumber; }
    /** ISO currency of the totals: report reimbursement currency, invoice or cash-advance currency. */
    public String currency() { return currency; }
    /** Expense {@code totalApprovedAmount}, invoice {@code requestTotal} or cash-advance {@code requestAmount}. */
    public BigDecimal totalAmount() { return totalAmount; }
    /** Every posting line in document order. */
    public List<FisJournalLine> journalLines() { return journalLines; }

    /** Sum of {@link FisJournalLine#amountGross()} over all lines (nulls count as zero). */
    public BigDecimal journalGrossTotal() {
        return journalLines.stream().map(FisJournalLine::amountGross).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The raw financial document (the {@code document} member), amounts as exact decimals. */
    public JsonNode json() { return document; }

    /** The raw envelope item ({@code content[]} / {@code fIDocuments[]} entry), or the document when bare. */
    public JsonNode envelope() { return envelope; }

    /**
     * The same document's envelope fields and totals without its content: no journal lines, no {@link #json()} and
     * no {@link #envelope()}. What a caller keeps once the document is mapped, so a large report is not held in
     * memory while its postings are sent.
     */
    public FisDocument withoutContent() {
        return new FisDocument(id, docType, companyId, entityId, companyUuid, erpSystemId, docStatus, businessId,
                revisionNumber, currency, totalAmount, List.of(), null, null);
    }

    @Override
    public String toString() {
        return "FisDocument[id=" + id + ", docType=" + docType + ", businessId=" + businessId + ", docStatus="
                + docStatus + ", total=" + totalAmount + " " + currency + ", lines=" + journalLines.size() + "]";
    }
}
