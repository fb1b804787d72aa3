package io.mlconnector.concur.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.ConcurFields;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.concur.api.FisDocumentPage;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.api.FisJournalLine;
import io.mlconnector.concur.api.FisOutcome;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant FIS readers (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html
 * and its use-case files disagree on the wrapper): both response wrappers, a bare item list, a single item or a bare
 * document; {@code document} as an object or a JSON string; invoice journals as an object, expense journals as an
 * array; amounts as numbers or strings.
 */
public final class FisParser {
    private FisParser() {
    }

    /** Reads a GET answer in any published shape. */
    public static FisDocumentPage page(JsonNode root, String docTypeHint) {
        if (root == null || root.isNull()) {
            return new FisDocumentPage(List.of(), null, null, null, null);
        }
        if (root.isArray()) {
            return new FisDocumentPage(items(root, docTypeHint), null, null, null, null);
        }
        if (root.has("content")) {
            JsonNode page = root.path("page");
            return new FisDocumentPage(items(root.get("content"), docTypeHint), intOrNull(page, "number"),
                    intOrNull(page, "totalPages"), ConcurJson.longValue(page, "totalElements"), nextLink(root));
        }
        if (root.has("fIDocuments")) {
            return new FisDocumentPage(items(root.get("fIDocuments"), docTypeHint), null, null,
                    ConcurJson.longValue(root, "numberReturned"), ConcurJson.text(root, "nextPage"));
        }
        if (root.has("document")) {
            return new FisDocumentPage(List.of(item(root, docTypeHint)), null, null, 1L, null);
        }
        return new FisDocumentPage(List.of(bare(root, docTypeHint)), null, null, 1L, null);
    }

    /** A bare financial document (no envelope), e.g. the getting-started samples. */
    public static FisDocument bare(JsonNode document, String docTypeHint) {
        return read(null, document, document, docTypeHint);
    }

    private static List<FisDocument> items(JsonNode array, String docTypeHint) {
        List<FisDocument> documents = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                documents.add(item(item, docTypeHint));
            }
        }
        return documents;
    }

    private static FisDocument item(JsonNode item, String docTypeHint) {
        return read(item, document(item.get("document")), item, docTypeHint);
    }

    /** {@code document} may be an object, an array holding one, or a JSON string (DocumentFormatAs: text). */
    private static JsonNode document(JsonNode document) {
        if (document == null) {
            return ConcurJson.MAPPER.nullNode();
        }
        if (document.isTextual()) {
            String text = document.asText().trim();
            if (text.startsWith("{") || text.startsWith("[")) {
                try {
                    return document(ConcurJson.MAPPER.readTree(text));
                } catch (IOException e) {
                    return document; // a placeholder like "{THE_FINANCIAL_DOCUMENT}": keep it as text
                }
            }
            return document;
        }
        if (document.isArray() && document.size() == 1 && document.get(0).isObject()) {
            return document.get(0);
        }
        return document;
    }

    private static FisDocument read(JsonNode envelope, JsonNode document, JsonNode raw, String docTypeHint) {
        String docType = envelope == null ? null : ConcurJson.text(envelope, "docType");
        if (docType == null) {
            docType = docTypeHint != null ? docTypeHint : guessType(document);
        }
        Typed typed = typed(docType, document);
        String id = envelope == null ? null : ConcurJson.text(envelope, "id");
        return new FisDocument(id, docType,
                envelope == null ? null : ConcurJson.text(envelope, "companyId"),
                envelope == null ? null : ConcurJson.text(envelope, "entityId"),
                envelope == null ? null : ConcurJson.text(envelope, "companyUuid"),
                envelope == null ? null : ConcurJson.text(envelope, "erpSystemId"),
                envelope == null ? null : ConcurJson.text(envelope, "docStatus"),
                typed.businessId, typed.revision, typed.currency, typed.total, typed.lines, document, raw);
    }

    private record Typed(String businessId, String revision, String currency, java.math.BigDecimal total,
                         List<FisJournalLine> lines) {
    }

    private static String guessType(JsonNode document) {
        if (document.has("requestHeader")) {
            return "invoice";
        }
        if (document.has("cashAdvanceData")) {
            return "cashadvance";
        }
        return document.has("report") ? "expense" : null;
    }

    private static Typed typed(String docType, JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            return new Typed(null, null, null, null, List.of());
        }
        try {
            if (doc.has("report") || doc.has("expenseEntry")) {
                return expense(doc);
            }
            if (doc.has("requestHeader") || doc.has("lineItem")) {
                return invoice(doc);
            }
            if (doc.has("cashAdvanceData") || doc.has("journalData")) {
                return cashAdvance(doc);
            }
            return new Typed(null, null, null, null, List.of());
        } catch (IllegalArgumentException e) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE,
                    "FIS " + docType + " document cannot be read: " + e.getMessage(), e);
        }
    }

    private static Typed expense(JsonNode doc) {
        JsonNode report = doc.path("report");
        String currency = ConcurJson.text(report, "employeeCurrencyAlphaCode");
        List<FisJournalLine> lines = new ArrayList<>();
        for (JsonNode entry : each(doc.get("expenseEntry"))) {
            for (JsonNode allocation : each(entry.get("allocation"))) {
                for (JsonNode journal : each(allocation.get("journal"))) {
                    lines.add(new FisJournalLine(ConcurJson.text(entry, "entryId"),
                            trim(ConcurJson.text(entry, "expenseTypeCode")),
                            ConcurJson.text(journal, "journalAccountCode"), ConcurJson.text(journal, "journalPayee"),
                            ConcurJson.text(journal, "journalPayer"), null,
                            ConcurJson.decimal(journal, "amountGross"), ConcurJson.decimal(journal, "amountNetOfTax"),
                            ConcurJson.decimal(journal, "amountTax"), ConcurJson.text(allocation, "allocationId"),
                            ConcurJson.decimal(allocation, "allocationPercentage"), currency, allocation, journal));
                }
            }
        }
        return new Typed(ConcurJson.text(report, "reportId"), ConcurJson.text(report, "revisionNumber"), currency,
                ConcurJson.decimal(report, "totalApprovedAmount"), lines);
    }

    private static Typed invoice(JsonNode doc) {
        JsonNode header = doc.path("requestHeader");
        String currency = ConcurJson.text(header, "currencyAlphaCode");
        List<FisJournalLine> lines = new ArrayList<>();
        for (JsonNode item : each(doc.get("lineItem"))) {
            for (JsonNode allocation : each(item.get("allocation"))) {
                // invoice allocation journals are objects, not arrays
                for (JsonNode journal : each(allocation.get("journal"))) {
                    String account = ConcurJson.text(journal, "accountCode");
                    JsonNode tax = journal.get("tax");
                    lines.add(new FisJournalLine(ConcurJson.text(item, "lineItemSequenceOrder"),
                            trim(ConcurJson.text(item, "expenseTypeCode")),
                            account != null ? account : ConcurJson.text(allocation, "allocationAccountCode"),
                            null, null, null, ConcurJson.decimal(journal, "amountGross"),
                            ConcurJson.decimal(journal, "amountNet"),
                            tax != null && tax.isObject() ? ConcurJson.decimal(tax, "amountTax") : null,
                            ConcurJson.text(allocation, "allocationKey"),
                            ConcurJson.decimal(allocation, "allocationPercentage"), currency, allocation, journal));
                }
            }
        }
        return new Typed(ConcurJson.text(header, "requestId"), ConcurJson.text(header, "revisionNumber"), currency,
                ConcurJson.decimal(header, "requestTotal"), lines);
    }

    private static Typed cashAdvance(JsonNode doc) {
        JsonNode data = doc.path("cashAdvanceData");
        String currency = ConcurJson.text(data, "currencyAlphaCode");
        List<FisJournalLine> lines = new ArrayList<>();
        int index = 0;
        for (JsonNode journal : each(doc.get("journalData"))) {
            lines.add(new FisJournalLine(Integer.toString(index++), null, ConcurJson.text(journal, "accountCode"),
                    ConcurJson.text(journal, "payee"), ConcurJson.text(journal, "payer"),
                    ConcurJson.text(journal, "debitOrCredit"), ConcurJson.decimal(journal, "amount"), null, null,
                    null, null, currency, null, journal));
        }
        return new Typed(ConcurJson.text(data, "cashAdvanceId"), null, currency,
                ConcurJson.decimal(data, "requestAmount"), lines);
    }

    /** An array's elements, a single object as one element, nothing for null. */
    private static List<JsonNode> each(JsonNode node) {
        return ConcurFields.elements(node);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static Integer intOrNull(JsonNode node, String field) {
        Long v = ConcurJson.longValue(node, field);
        return v == null ? null : v.intValue();
    }

    private static String nextLink(JsonNode root) {
        for (JsonNode link : each(root.get("links"))) {
            if ("next".equalsIgnoreCase(ConcurJson.text(link, "rel"))) {
                return ConcurJson.text(link, "href");
            }
        }
        return null;
    }

    /** Per-item results of acknowledgements and confirmations; the answer is an array (or one object). */
    public static List<FisItemResult> results(JsonNode answer) {
        List<FisItemResult> results = new ArrayList<>();
        for (JsonNode item : each(answer)) {
            Long code = ConcurJson.longValue(item, "code");
            int c = code == null ? -1 : code.intValue();
            String result = firstText(item, "acknowledgeResult", "postingConfirmationResult",
                    "paymentConfirmationResult");
            results.add(new FisItemResult(ConcurJson.text(item, "docId"), c, FisOutcome.of(c), result,
                    ConcurJson.text(item, "systemId"), ConcurJson.text(item, "errorMessage"),
                    ConcurJson.text(item, "detailMessage"), ConcurJson.text(item, "paymentRef")));
        }
        return results;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String t = ConcurJson.text(node, f);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
