package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.nonfis.ExpenseReportAdapter;
import io.mlconnector.app.nonfis.PaymentRequestAdapter;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the two non-FIS fetch steps share: the adapted document becomes the exchange's "FIS document" under a stable
 * document id ({@code report-<reportId>}, {@code paymentrequest-<id>}), from which the chunk ids, ION messageIds and
 * BODIDs derive, so a duplicate or a second approval event posts nothing twice (README-mapping.md, "Non-FIS paths").
 *
 * <p>Neither read API gives a revision that tells a changed report from a re-sent one, so the content decides: once a
 * document has chunks in the ledger, it is only posted on if its posting content hashes to what was fetched last;
 * a report changed after posting is refused ({@code changed-after-posting}) for a finance user instead of being posted
 * a second time or silently skipped.
 */
public final class NonFisDocuments {
    private static final Set<String> RAW_KEYS = Set.of(ExpenseReportAdapter.RAW, PaymentRequestAdapter.RAW);
    private static final Set<ChunkState> LIVE = Set.of(ChunkState.PENDING, ChunkState.SENT, ChunkState.ACCEPTED,
            ChunkState.ERP_CONFIRMED);

    private NonFisDocuments() {
    }

    /** The document id an Expense v4 report is recorded under in the ledger and the audit trail. */
    public static String expenseReportDocumentId(String reportId) {
        return "report-" + reportId;
    }

    static String paymentRequestDocumentId(String requestId) {
        return "paymentrequest-" + requestId;
    }

    /** Sets the adapted document on the work item and audits the fetch, after the changed-after-posting check. */
    static void adopt(Services services, DocumentWork work, FisDocType docType, String documentId, String businessId,
                      ObjectNode document, String source) {
        work.keys = work.keys.withFisDocumentId(documentId).withReportId(businessId);
        services.store.inbox().recordFisDocumentId(work.entry.id(), documentId); // found again by an ERP answer
        String sha256 = ContentHash.sha256(postingContent(document).toString());
        refuseIfChangedAfterPosting(services, work, documentId, sha256);
        ObjectNode item = document.objectNode();
        item.put("id", documentId).put("docType", docType.value()).set("document", document);
        FisDocument adapted = FisDocument.read(item, docType.value());
        work.docType = docType;
        work.fisDocument = adapted;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("source", source);
        detail.put("docType", docType.value());
        detail.put("businessId", businessId);
        detail.put("amount", adapted.totalAmount() == null ? null : adapted.totalAmount().toPlainString());
        detail.put("currency", adapted.currency());
        detail.put("journalLines", adapted.journalLines().size());
        detail.put("sha256", sha256);
        services.store.audit().append(work.keys, AuditStep.DOCUMENT_FETCHED, detail);
    }

    private static void refuseIfChangedAfterPosting(Services services, DocumentWork work, String documentId,
                                                    String sha256) {
        List<LedgerEntry> posted = services.store.ledger().forDocument(documentId).stream()
                .filter(e -> !e.plan().kind().backsOut() && LIVE.contains(e.state())).toList();
        if (posted.isEmpty()) {
            return;
        }
        Optional<String> fetched = lastFetchedHash(services, documentId);
        if (fetched.isEmpty() || fetched.get().equals(sha256)) {
            return;
        }
        throw new DocumentRejected(RejectionReason.CHANGED_AFTER_POSTING, List.of(work.businessId() == null ? documentId
                : work.businessId()), List.of(documentId + " changed after " + posted.size()
                + " chunk(s) of it were posted (content " + fetched.get().substring(0, 12) + " then "
                + sha256.substring(0, 12) + "); it is not posted again: adjust Infor by hand or reverse and replay"));
    }

    private static Optional<String> lastFetchedHash(Services services, String documentId) {
        List<AuditEntry> fetches = services.store.audit().trail(documentId).stream()
                .filter(e -> AuditStep.DOCUMENT_FETCHED.equals(e.step()) && documentId.equals(e.keys().fisDocumentId()))
                .toList();
        return fetches.isEmpty() ? Optional.empty()
                : Optional.ofNullable(fetches.get(fetches.size() - 1).detail().path("sha256").textValue());
    }

    /** The document without the raw v4/v3 answers, whose status fields change with every approval step. */
    static JsonNode postingContent(JsonNode document) {
        JsonNode copy = document.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(RAW_KEYS);
        }
        node.forEach(NonFisDocuments::strip);
    }
}
