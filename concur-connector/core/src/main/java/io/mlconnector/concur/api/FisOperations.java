package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.internal.FisParser;
import io.mlconnector.concur.internal.FisRequests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Financial Integration Service v4
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html), company token only.
 * Every call sends a {@code concur-correlationid}: a fresh one, or the one set with {@link #withCorrelationId} (reuse
 * the event's).
 */
public final class FisOperations {
    private static final String BASE = "/financialintegration/fi/v4/companies/transactiontypes/";

    private final ConcurConnection connection;
    private final String correlationId;

    public FisOperations(ConcurConnection connection) {
        this(connection, null);
    }

    private FisOperations(ConcurConnection connection, String correlationId) {
        this.connection = connection;
        this.correlationId = correlationId;
    }

    /** The same operations sending this {@code concur-correlationid} (null: a fresh one per call). */
    public FisOperations withCorrelationId(String correlationId) {
        return new FisOperations(connection, correlationId);
    }

    /**
     * Gets Financial Transactions: the READY (not yet acknowledged) documents of one type, one page.
     *
     * @param docType  the document type
     * @param page     page number from 0; null = 0
     * @param limit    records per page; null = the configured fisPageSize (default 25)
     * @param systemId ERP system id filter; null = the configured systemId; "" = no filter
     * @throws ConcurException UNAUTHORIZED, FORBIDDEN, BAD_REQUEST, INVALID_MESSAGE, CONNECTIVITY, TIMEOUT, THROTTLED,
     *                         SERVICE_UNAVAILABLE, REAUTHORIZATION_REQUIRED
     */
    public FisDocumentPage getDocuments(FisDocType docType, Integer page, Integer limit, String systemId) {
        StringBuilder q = new StringBuilder(BASE).append(docType.value()).append("/transactions?page=")
                .append(page == null ? 0 : page).append("&limit=")
                .append(limit == null ? connection.configuration().fisPageSize() : limit);
        appendSystemId(q, systemId);
        return FisParser.page(get(q.toString()), docType.value());
    }

    /**
     * Gets one document by its business id ({@code docId} = report id, payment request id or cash advance id; the
     * event's {@code facts.documentId}).
     *
     * @param ignoreDocumentStatus true sends {@code ignoreDocumentStatus=yes}: returned whatever its status
     * @return the document, or empty when Concur has none (empty content or 404); of several documents for one
     *         business id (a resubmitted report), the one still READY or ACKNOWLEDGED
     * @throws ConcurException as {@link #getDocuments}
     */
    public Optional<FisDocument> getDocument(FisDocType docType, String docId, boolean ignoreDocumentStatus) {
        if (docId == null || docId.isBlank()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "docId is required");
        }
        StringBuilder q = new StringBuilder(BASE).append(docType.value()).append("/transactions?docId=")
                .append(encode(docId));
        if (ignoreDocumentStatus) {
            q.append("&ignoreDocumentStatus=yes");
        }
        appendSystemId(q, null);
        try {
            List<FisDocument> documents = FisParser.page(get(q.toString()), docType.value()).documents();
            // a report resubmitted after a failed posting has a new FIS document beside the old one:
            // the one still in work (READY or ACKNOWLEDGED) is the one the event is about
            return documents.stream().filter(FisOperations::inWork).findFirst()
                    .or(() -> documents.stream().findFirst());
        } catch (ConcurException e) {
            if (e.type() == ConcurErrorType.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Posts Financial Transaction Acknowledgements for FIS document ids (required right after the GET; it stops a
     * recall while posting). Check each item: RECALLED (102) means do not post; ALREADY_ACKNOWLEDGED (101) is done.
     *
     * @param ids FIS document ids ({@link FisDocument#id()}), not report ids
     * @return one result per id, in Concur's order
     * @throws ConcurException as {@link #getDocuments}
     */
    public List<FisItemResult> acknowledge(FisDocType docType, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "at least one FIS document id is required");
        }
        ids.forEach(PostingConfirmation::requireDocId);
        return post(docType.value() + "/transactions/acknowledgements",
                FisRequests.acknowledgements(ids, connection.configuration().systemId()));
    }

    /**
     * Posts Financial Transactions Confirmations: success (with the ERP documents) or error (with messages for the
     * Concur audit trail, after backing out everything of the document). ALREADY_CONFIRMED (113) is done.
     *
     * @throws ConcurException as {@link #getDocuments}
     */
    public List<FisItemResult> confirmPosting(FisDocType docType, List<PostingConfirmation> confirmations) {
        if (confirmations == null || confirmations.isEmpty()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "at least one posting confirmation is required");
        }
        return post(docType.value() + "/transactions/postingconfirmations",
                FisRequests.postingConfirmations(confirmations, connection.configuration().systemId()));
    }

    /**
     * Posts Financial Payment Confirmations. Expense only; {@code paymentRef} must be unique.
     *
     * @throws ConcurException as {@link #getDocuments}
     */
    public List<FisItemResult> confirmPayment(List<PaymentConfirmation> confirmations) {
        if (confirmations == null || confirmations.isEmpty()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "at least one payment confirmation is required");
        }
        return post(FisDocType.EXPENSE.value() + "/transactions/paymentconfirmations",
                FisRequests.paymentConfirmations(confirmations, connection.configuration().systemId()));
    }

    private JsonNode get(String pathAndQuery) {
        return connection.api().get(connection.companyTokens(), pathAndQuery, correlationId, "DocumentFormatAs",
                "json");
    }

    private List<FisItemResult> post(String path, JsonNode body) {
        JsonNode answer = connection.api().call(connection.companyTokens(), "POST", BASE + path, body, correlationId);
        return FisParser.results(answer);
    }

    private void appendSystemId(StringBuilder q, String systemId) {
        String id = systemId != null ? systemId : connection.configuration().systemId();
        if (id != null && !id.isBlank()) {
            q.append("&systemId=").append(encode(id));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean inWork(FisDocument document) {
        String status = document.docStatus();
        return "READY".equalsIgnoreCase(status) || "ACKNOWLEDGED".equalsIgnoreCase(status);
    }
}
