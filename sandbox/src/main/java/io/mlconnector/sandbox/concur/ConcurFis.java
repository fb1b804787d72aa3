package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.concur.ConcurOAuth.PrincipalType;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Financial Integration Service v4
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html): documents move
 * READY → ACKNOWLEDGED → POSTED | FAILED, can be recalled before acknowledgement, and every acknowledgement, posting
 * confirmation and payment confirmation item is recorded for tests. Comments below that name "the reference" mean that
 * page.
 */
public final class ConcurFis {
    static final String BASE = "/financialintegration/fi/v4/companies/transactiontypes/";
    private static final Set<String> DOC_TYPES =
            Set.of("expense", "invoice", "cashadvance", "payroll", "requestobligation", "reportobligation", "obligation");
    private static final int DEFAULT_LIMIT = 25; // the reference and its swagger parameter say 25
    private static final Set<String> PROCESSING_STATUS_CODES = Set.of("CP", "PP", "RE", "OB");
    // the reference allows only yyyy-MM-dd'T'HH:mm:ss.SSS'Z' and yyyyMMdd; its own sample request sends ".27Z", so
    // the sandbox accepts one to three fraction digits
    private static final Pattern CLEARING_DATE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z|\\d{8}");
    /** Published FIS document samples the sandbox serves (sources in samples/SOURCES.tsv); all parse as JSON. */
    static final List<String> PUBLISHED_DOCUMENTS = List.of(
            "fis-expense-report-document.json",
            "fis-invoice-document.json",
            "fis-cash-advance-document.json",
            "fis-expense-use-case-1.1-simple-out-of-pocket-cash.json",
            "fis-expense-use-case-2.1-single-tax-item.json",
            "fis-expense-use-case-3.1-itemized-expense.json",
            "fis-expense-use-case-4.1-multiple-cost-allocations.json",
            "fis-expense-use-case-5.2.1-cash-advance-application.json",
            "fis-expense-use-case-6.2.2-cbcp-card-itemized-personal.json");

    private final ConcurEvents events;
    private final String companyUuid;
    private final String companyCode;
    private final String entityId;
    private final Supplier<URI> home;
    private final Map<String, FisDocument> documents = new LinkedHashMap<>();
    /** The documents of each docType and business id: a GET with docId reads these, not every document. */
    private final Map<String, List<FisDocument>> byBusinessId = new HashMap<>();
    private final Set<String> paymentRefs = new HashSet<>();
    private List<String> seeded;
    private long readySequence;

    ConcurFis(ConcurEvents events, String companyUuid, String companyCode, String entityId, Supplier<URI> home) {
        this.events = events;
        this.companyUuid = companyUuid;
        this.companyCode = companyCode;
        this.entityId = entityId;
        this.home = home;
    }

    private static final class FisDocument {
        final String id;
        final String docType;
        final String businessId;
        final JsonNode document;
        FisState state = FisState.PENDING_APPROVAL;
        String acknowledgedBy;
        boolean completelyPaid;
        long readyAt;
        final List<JsonNode> acknowledgements = new ArrayList<>();
        final List<JsonNode> postingConfirmations = new ArrayList<>();
        final List<JsonNode> paymentConfirmations = new ArrayList<>();

        FisDocument(String id, String docType, String businessId, JsonNode document) {
            this.id = id;
            this.docType = docType;
            this.businessId = businessId;
            this.document = document;
        }
    }

    // ---- test-facing API ---------------------------------------------------------------------------------------------

    /** Adds a financial document (not yet final-approved, so not visible in FIS) and returns its FIS document id. */
    public synchronized String add(String docType, JsonNode document) {
        return add(docType, document, UUID.randomUUID().toString().replace("-", ""));
    }

    private synchronized String add(String docType, JsonNode document, String fisId) {
        if (!DOC_TYPES.contains(docType)) {
            throw new IllegalArgumentException("unknown FIS docType: " + docType);
        }
        Objects.requireNonNull(document, "document");
        FisDocument doc = new FisDocument(fisId, docType, businessId(docType, document), document.deepCopy());
        documents.put(fisId, doc);
        byBusinessId.computeIfAbsent(businessIdKey(docType, doc.businessId), k -> new ArrayList<>()).add(doc);
        return fisId;
    }

    /**
     * Adds every published FIS document sample (shipped as sandbox resources) as READY, without publishing events,
     * like documents queued before anyone subscribed. The use-case samples keep their published FIS ids.
     * Calling it again returns the same ids.
     */
    public synchronized List<String> seedPublishedSamples() {
        if (seeded != null) {
            return seeded;
        }
        List<String> ids = new ArrayList<>();
        for (String name : PUBLISHED_DOCUMENTS) {
            JsonNode sample = Samples.json(name);
            String id;
            if (sample.has("fIDocuments")) { // the use-case files use the older fIDocuments wrapper
                JsonNode item = sample.get("fIDocuments").get(0);
                id = add(item.get("docType").asText(), item.get("document"), item.get("id").asText());
            } else {
                id = add(docTypeOfSample(name), sample);
            }
            markReady(documents.get(id));
            ids.add(id);
        }
        seeded = List.copyOf(ids);
        return seeded;
    }

    /** Final approval: the document becomes READY and ESS publishes {@code <docType>.readyForIntegration}. */
    public String approve(String docId) {
        FisDocument doc;
        synchronized (this) {
            doc = find(docId);
            if (doc.state != FisState.PENDING_APPROVAL && doc.state != FisState.READY) {
                throw new IllegalStateException("document " + docId + " is " + doc.state + " and cannot be approved");
            }
            markReady(doc);
        }
        ObjectNode facts = JsonNodeFactory.instance.objectNode();
        facts.put("companyId", companyUuid);
        facts.put("documentId", doc.businessId);
        facts.put("href", home.get() + BASE + doc.docType + "/transactions?docId=" + doc.businessId);
        facts.put("entityId", entityId);
        return events.publish(ConcurEvents.TOPIC_FIS, eventTypePrefix(doc.docType) + ".readyForIntegration", facts);
    }

    /**
     * The processor pulls the document back; only possible before acknowledgement
     * (https://developer.concur.com/api-guides/ERP-integration/posting-via-financial-integration-service.html).
     */
    public synchronized void recall(String docId) {
        FisDocument doc = find(docId);
        if (doc.state != FisState.READY && doc.state != FisState.PENDING_APPROVAL) {
            throw new IllegalStateException("document " + docId + " is " + doc.state
                    + "; a document can be recalled only before it is acknowledged");
        }
        doc.state = FisState.RECALLED;
    }

    public synchronized FisState state(String docId) {
        return find(docId).state;
    }

    /** The business id ({@code reportId}, {@code requestId}, {@code cashAdvanceId}) the GET's docId filter takes. */
    public synchronized String businessId(String docId) {
        return find(docId).businessId;
    }

    /** A copy of the financial document as FIS serves it. */
    public synchronized JsonNode document(String docId) {
        return find(docId).document.deepCopy();
    }

    /** The acknowledgement items Concur received for this document: {@code {"id", "systemId"}}, in arrival order. */
    public synchronized List<JsonNode> acknowledgements(String docId) {
        return List.copyOf(find(docId).acknowledgements);
    }

    /** The {@code postingConfirmations[]} items Concur received for this document, in arrival order. */
    public synchronized List<JsonNode> postingConfirmations(String docId) {
        return List.copyOf(find(docId).postingConfirmations);
    }

    /** The {@code processingConfirmation[]} items Concur received for this document, in arrival order. */
    public synchronized List<JsonNode> paymentConfirmations(String docId) {
        return List.copyOf(find(docId).paymentConfirmations);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------------

    void register(ApiRoutes routes) {
        var company = ApiRoutes.only(PrincipalType.COMPANY); // FIS accepts company tokens only
        String base = Pattern.quote(BASE) + "([^/]+)/transactions";
        routes.route("GET", base, company, (req, token) -> getTransactions(req));
        routes.route("POST", base + "/acknowledgements", company, (req, token) -> acknowledge(req));
        routes.route("POST", base + "/postingconfirmations", company, (req, token) -> confirmPosting(req));
        routes.route("POST", base + "/paymentconfirmations", company, (req, token) -> confirmPayment(req));
    }

    private synchronized SimResponse getTransactions(SimRequest request) {
        String docType = request.pathGroup(1);
        if (!DOC_TYPES.contains(docType)) {
            return message(400, "Invalid docType: " + docType);
        }
        Map<String, String> q = request.query();
        Integer page = nonNegative(q.getOrDefault("page", "0"));
        Integer limit = nonNegative(q.getOrDefault("limit", Integer.toString(DEFAULT_LIMIT)));
        if (page == null || limit == null || limit == 0) {
            return message(400, "page must be a number from 0 and limit a number from 1");
        }
        String docId = q.get("docId");
        boolean ignoreStatus = "yes".equalsIgnoreCase(q.get("ignoreDocumentStatus"));
        String systemId = q.get("systemId");
        List<FisDocument> selected = new ArrayList<>();
        Collection<FisDocument> candidates = docId == null ? documents.values()
                : byBusinessId.getOrDefault(businessIdKey(docType, docId), List.of());
        for (FisDocument doc : candidates) {
            if (selects(doc, docType, docId, ignoreStatus, systemId)) {
                selected.add(doc);
            }
        }
        selected.sort((a, b) -> Long.compare(a.readyAt, b.readyAt));
        if (docId != null) { // a single document: paging does not apply
            page = 0;
            limit = Math.max(1, selected.size());
        }
        boolean asText = "text".equalsIgnoreCase(request.header("DocumentFormatAs"));
        return SimResponse.json(200, pageOf(docType, selected, page, limit, asText));
    }

    /** Without docId only READY documents; ignoreDocumentStatus counts only with docId. */
    private static boolean selects(FisDocument doc, String docType, String docId, boolean ignoreStatus,
                                   String systemId) {
        if (!doc.docType.equals(docType) || doc.state == FisState.PENDING_APPROVAL) {
            return false;
        }
        boolean statusOk = doc.state == FisState.READY || (docId != null && ignoreStatus);
        boolean idOk = docId == null || docId.equals(doc.businessId);
        boolean systemOk = systemId == null || doc.acknowledgedBy == null || systemId.equals(doc.acknowledgedBy);
        return statusOk && idOk && systemOk;
    }

    /** The HAL-style {links, content, page} wrapper of the reference's GET sample, not the older fIDocuments. */
    private ObjectNode pageOf(String docType, List<FisDocument> selected, int page, int limit, boolean asText) {
        int total = selected.size();
        int totalPages = (total + limit - 1) / limit;
        ObjectNode body = SimServer.JSON.createObjectNode();
        ArrayNode links = body.putArray("links");
        String href = home.get() + BASE + docType + "/transactions?limit=" + limit + "&page=%d&size=" + limit;
        links.add(link("first", String.format(href, 0)));
        links.add(link("self", String.format(href, page)));
        if (page + 1 < totalPages) {
            links.add(link("next", String.format(href, page + 1)));
        }
        links.add(link("last", String.format(href, Math.max(0, totalPages - 1))));
        ArrayNode content = body.putArray("content");
        for (int i = page * limit; i < Math.min(total, (page + 1) * limit); i++) {
            content.add(item(selected.get(i), asText));
        }
        ObjectNode pageNode = body.putObject("page");
        pageNode.put("size", limit).put("totalElements", total).put("totalPages", totalPages).put("number", page);
        return body;
    }

    private ObjectNode item(FisDocument doc, boolean asText) {
        ObjectNode item = SimServer.JSON.createObjectNode();
        item.put("id", doc.id).put("docType", doc.docType).put("companyId", companyCode).put("entityId", entityId)
                .put("companyUuid", companyUuid).put("erpSystemId", doc.acknowledgedBy == null ? "" : doc.acknowledgedBy);
        if (asText) {
            item.put("document", doc.document.toString());
        } else {
            item.set("document", doc.document);
        }
        String status = doc.state == FisState.POSTED && doc.completelyPaid ? "PAYMENT_CONFIRMED_SUCCESS"
                : doc.state.docStatus();
        item.put("docStatus", status);
        item.putArray("links");
        return item;
    }

    private static ObjectNode link(String rel, String href) {
        ObjectNode link = SimServer.JSON.createObjectNode().put("rel", rel).put("href", href);
        for (String field : List.of("hreflang", "media", "title", "type", "deprecation")) {
            link.putNull(field);
        }
        return link;
    }

    private synchronized SimResponse acknowledge(SimRequest request) {
        String docType = request.pathGroup(1);
        JsonNode body = jsonBody(request);
        if (body == null || !body.path("ids").isArray() || body.path("ids").isEmpty()) {
            return message(400, "Invalid input value [ids (): may not be empty]");
        }
        String systemId = body.path("systemId").isTextual() ? body.get("systemId").asText() : null;
        ArrayNode results = SimServer.JSON.createArrayNode();
        for (JsonNode idNode : body.get("ids")) {
            String id = idNode.asText();
            FisDocument doc = documents.get(id);
            ObjectNode result = results.addObject().put("code", 0).put("docId", id).put("systemId", systemId);
            if (doc != null) {
                doc.acknowledgements.add(SimServer.JSON.createObjectNode().put("id", id).put("systemId", systemId));
            }
            int code = acknowledgementCode(doc, docType);
            if (code == 0) {
                doc.state = FisState.ACKNOWLEDGED;
                doc.acknowledgedBy = systemId;
            }
            result.put("code", code).put("acknowledgeResult", code == 0 ? "SUCCESS" : "FAILURE")
                    .put("errorMessage", code == 0 ? "" : acknowledgementError(code, doc));
        }
        return SimResponse.json(200, results);
    }

    private static int acknowledgementCode(FisDocument doc, String docType) {
        if (doc == null) {
            return 104;
        }
        if (!doc.docType.equals(docType)) {
            return 105;
        }
        return switch (doc.state) {
            case PENDING_APPROVAL -> 103;
            case READY -> 0;
            case RECALLED -> 102;
            case ACKNOWLEDGED, POSTED, FAILED -> 101;
        };
    }

    private static String acknowledgementError(int code, FisDocument doc) {
        return switch (code) {
            case 101 -> "This document was previously acknowledged by SystemId: " + doc.acknowledgedBy + ".";
            case 102 -> "This document has been recalled.";
            case 103 -> "This document is not ready.";
            case 104 -> "This document does not exist.";
            case 105 -> "This document is of a different document type.";
            default -> "Unknown error, please try again later.";
        };
    }

    private synchronized SimResponse confirmPosting(SimRequest request) {
        String docType = request.pathGroup(1);
        JsonNode body = jsonBody(request);
        if (body == null || !body.path("postingConfirmations").isArray()) {
            return message(400, "Invalid input value [postingConfirmations (): may not be null]");
        }
        String problem = systemIdProblem(body);
        if (problem != null) {
            return message(400, problem);
        }
        String systemId = body.get("systemId").asText();
        ArrayNode results = SimServer.JSON.createArrayNode();
        for (JsonNode item : body.get("postingConfirmations")) {
            String docId = item.path("docId").asText("");
            FisDocument doc = documents.get(docId);
            if (doc != null) {
                // recorded with the request's systemId, which FIS keeps per confirmation
                doc.postingConfirmations.add(item.deepCopy() instanceof ObjectNode copy
                        ? copy.put("systemId", systemId) : item.deepCopy());
            }
            Outcome outcome = postingOutcome(doc, docType, systemId, item);
            if (outcome.code == 0) {
                doc.state = "success".equals(item.path("overallPostingStatusCode").asText())
                        ? FisState.POSTED : FisState.FAILED;
            }
            results.addObject().put("code", outcome.code).put("docId", docId).put("systemId", systemId)
                    .put("postingConfirmationResult", outcome.result).put("errorMessage", outcome.message)
                    .put("detailMessage", "");
        }
        return SimResponse.json(200, results);
    }

    private record Outcome(int code, String result, String message) {
        static final Outcome OK = new Outcome(0, "SUCCESS", "");
    }

    private static Outcome postingOutcome(FisDocument doc, String docType, String systemId, JsonNode item) {
        if (item.path("docId").asText("").isBlank()) {
            return new Outcome(198, "FAILURE", "Invalid input value [docId (): may not be blank]");
        }
        if (doc == null) {
            return new Outcome(116, "DOCUMENT_NOT_FOUND", "This document does not exist.");
        }
        if (!doc.docType.equals(docType)) {
            return new Outcome(115, "FAILURE", "This document is of a different document type.");
        }
        if (systemIdMismatch(doc, systemId)) {
            return new Outcome(99, "FAILURE", "System ID in request does not match system ID in FI database.");
        }
        switch (doc.state) {
            case PENDING_APPROVAL, READY:
                return new Outcome(111, "NOT_YET_ACKNOWLEDGED", "This document has not been acknowledged.");
            case RECALLED:
                return new Outcome(112, "WAS_RECALLED", "This document has been recalled.");
            case POSTED, FAILED:
                return new Outcome(113, "FAILURE", "Confirmation has been posted.");
            default:
                break;
        }
        return postingContentOutcome(item);
    }

    private static Outcome postingContentOutcome(JsonNode item) {
        String status = item.path("overallPostingStatusCode").asText("");
        if (status.equals("success")) {
            // an empty postingDocs on success answers "may not be blank", although the reference does not mark it
            // required (https://github.com/SAP-docs/preview.developer.concur.com/issues/931)
            JsonNode docs = item.path("postingDocs");
            if (!docs.isArray() || docs.isEmpty()) {
                return new Outcome(198, "FAILURE", "Invalid input value [postingDocs (): may not be blank]");
            }
            for (JsonNode postingDoc : docs) {
                if (postingDoc.path("companyId").asText("").isBlank()) {
                    return new Outcome(198, "FAILURE", "Invalid input value [postingDocs.companyId: may not be blank]");
                }
            }
            return Outcome.OK;
        }
        if (status.equals("error")) {
            JsonNode messages = item.path("systemMessages");
            if (!messages.isArray() || messages.isEmpty()) {
                return new Outcome(198, "FAILURE", "Invalid input value [systemMessages (): may not be blank]");
            }
            return Outcome.OK;
        }
        return new Outcome(198, "FAILURE",
                "Invalid input value [overallPostingStatusCode (" + status + "): must be success or error]");
    }

    private synchronized SimResponse confirmPayment(SimRequest request) {
        String docType = request.pathGroup(1);
        JsonNode body = jsonBody(request);
        if (body == null || !body.path("processingConfirmation").isArray()) {
            return message(400, "Invalid input value [processingConfirmation (): may not be null]");
        }
        String problem = systemIdProblem(body);
        if (problem != null) {
            return message(400, problem);
        }
        String systemId = body.get("systemId").asText();
        ArrayNode results = SimServer.JSON.createArrayNode();
        for (JsonNode item : body.get("processingConfirmation")) {
            String docId = item.path("docId").asText("");
            FisDocument doc = documents.get(docId);
            if (doc != null) {
                doc.paymentConfirmations.add(item.deepCopy());
            }
            String paymentRef = item.path("clearingDetails").path(0).path("clearingReference").path("paymentRef")
                    .asText("");
            Outcome outcome = paymentOutcome(doc, docType, systemId, item, paymentRef);
            if (outcome.code == 0) {
                paymentRefs.add(paymentRef);
                doc.completelyPaid |= "CP".equals(item.path("processingStatusCode").asText());
            }
            results.addObject().put("code", outcome.code).put("docId", docId).put("systemId", systemId)
                    .put("paymentConfirmationResult", outcome.result)
                    .put("errorMessage", outcome.code == 0 ? null : outcome.message)
                    .put("paymentRef", paymentRef).put("detailMessage", "");
        }
        return SimResponse.json(200, results);
    }

    private Outcome paymentOutcome(FisDocument doc, String docType, String systemId, JsonNode item, String paymentRef) {
        if (!docType.equals("expense")) {
            // the reference: "Currently supported: expense"
            return new Outcome(115, "FAILURE", "Payment confirmations are currently supported for expense only.");
        }
        if (doc == null) {
            return new Outcome(116, "FAILURE", "This document does not exist.");
        }
        if (!doc.docType.equals(docType)) {
            return new Outcome(115, "FAILURE", "This document is of a different document type.");
        }
        if (systemIdMismatch(doc, systemId)) {
            return new Outcome(99, "FAILURE", "System ID in request does not match system ID in FI database.");
        }
        if (doc.state != FisState.POSTED) {
            return new Outcome(111, "NOT_POSTING_CONFIRMED", "This document has not been posting confirmed.");
        }
        String invalid = paymentProblem(item, paymentRef);
        if (invalid != null) {
            return new Outcome(298, "FAILURE", invalid);
        }
        if (paymentRefs.contains(paymentRef)) {
            return new Outcome(298, "NOOP", "Payment confirmation already exist " + paymentRef + ".");
        }
        if (doc.completelyPaid && "CP".equals(item.path("processingStatusCode").asText())) {
            return new Outcome(213, "FAILURE", "Payment confirmation has been posted.");
        }
        return Outcome.OK;
    }

    private static String paymentProblem(JsonNode item, String paymentRef) {
        if (!PROCESSING_STATUS_CODES.contains(item.path("processingStatusCode").asText())) {
            return "Invalid input value [processingStatusCode: must be CP, PP, RE or OB]";
        }
        JsonNode details = item.path("clearingDetails");
        if (!details.isArray() || details.isEmpty() || paymentRef.isBlank()) {
            return "Invalid input value [clearingDetails.clearingReference.paymentRef: may not be blank]";
        }
        for (JsonNode detail : details) {
            if (!CLEARING_DATE.matcher(detail.path("clearingDate").asText("")).matches()) {
                return "Invalid input value [clearingDate: use yyyy-MM-dd'T'HH:mm:ss.SSS'Z' or yyyyMMdd]";
            }
        }
        return null;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void markReady(FisDocument doc) {
        if (doc.state != FisState.READY) {
            doc.state = FisState.READY;
            doc.readyAt = ++readySequence;
        }
    }

    private FisDocument find(String docId) {
        FisDocument doc = documents.get(docId);
        if (doc == null) {
            throw new IllegalArgumentException("no FIS document with id " + docId);
        }
        return doc;
    }

    private static boolean systemIdMismatch(FisDocument doc, String systemId) {
        String acknowledged = doc.acknowledgedBy == null ? "" : doc.acknowledgedBy;
        return doc.state != FisState.READY && doc.state != FisState.PENDING_APPROVAL
                && doc.state != FisState.RECALLED && !acknowledged.equals(systemId == null ? "" : systemId);
    }

    private static String systemIdProblem(JsonNode body) {
        JsonNode systemId = body.get("systemId");
        if (systemId == null || !systemId.isTextual()) {
            return "Invalid input value [systemId (): may not be null]";
        }
        return systemId.asText().length() > 50 ? "Invalid input value [systemId: at most 50 characters]" : null;
    }

    private static JsonNode jsonBody(SimRequest request) {
        try {
            JsonNode body = request.json();
            return body != null && body.isObject() ? body : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Integer nonNegative(String value) {
        try {
            int parsed = Integer.parseInt(value);
            return parsed < 0 ? null : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The event types spell the funds reservation docTypes in camel case
     * (https://developer.concur.com/event-topics/Shared/ready-for-integration-event.html).
     */
    private static String eventTypePrefix(String docType) {
        return switch (docType) {
            case "requestobligation" -> "requestObligation";
            case "reportobligation" -> "reportObligation";
            default -> docType;
        };
    }

    private static String businessIdKey(String docType, String businessId) {
        return docType + '/' + businessId;
    }

    static String businessId(String docType, JsonNode document) {
        JsonNode id = switch (docType) {
            case "expense", "reportobligation" -> document.path("report").path("reportId");
            case "invoice", "requestobligation" -> document.path("requestHeader").path("requestId");
            case "cashadvance" -> document.path("cashAdvanceData").path("cashAdvanceId");
            default -> document.path("id");
        };
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new IllegalArgumentException("the " + docType + " document has no business id (reportId, "
                    + "requestHeader.requestId or cashAdvanceData.cashAdvanceId)");
        }
        return id.asText();
    }

    private static String docTypeOfSample(String name) {
        if (name.contains("invoice")) {
            return "invoice";
        }
        return name.contains("cash-advance-document") ? "cashadvance" : "expense";
    }

    private static SimResponse message(int status, String message) {
        return SimResponse.json(status, Map.of("message", message));
    }

    /** Reads the sample resources shipped in the jar. */
    static final class Samples {
        private Samples() {
        }

        static JsonNode json(String name) {
            try (InputStream in = ConcurFis.class.getResourceAsStream("samples/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("sample resource missing: " + name);
                }
                return SimServer.JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
