package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.concur.ConcurOAuth.AccessToken;
import io.mlconnector.sandbox.concur.ConcurOAuth.PrincipalType;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;

import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The non-FIS read paths: Expense Report v4 reports and expenses (read through the event's {@code facts.href};
 * https://developer.concur.com/api-reference/expense/expense-report/v4.reports.html) and Invoice v3 payment requests
 * (https://developer.concur.com/api-reference/invoice/v3.payment-request.html).
 */
public final class ConcurReports {
    private static final Set<String> CONTEXTS = Set.of("TRAVELER", "MANAGER", "PROCESSOR", "PROXY");
    private static final Map<String, String> APPROVAL_STATUS = Map.of(
            "A_NOTF", "Not Submitted", "A_RESU", "Sent back or Recalled", "A_PEND", "Submitted & Pending Approval",
            "A_APPR", "Approved", "A_EXTV", "Pending External Validation", "A_PBDG", "Pending Budget Approval",
            "A_PECO", "Pending Cost Object Approval", "A_ACCO", "Approved & In Accounting Review");
    private static final String USERS = "/expensereports/v4/users/";

    private final ConcurEvents events;
    private final Clock clock;
    private final String companyId;
    private final String defaultUserId;
    private final Supplier<URI> home;
    private final Map<String, ObjectNode> reports = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> expenses = new LinkedHashMap<>();
    private final Map<String, ObjectNode> paymentRequests = new LinkedHashMap<>();

    ConcurReports(ConcurEvents events, Clock clock, String companyId, String defaultUserId, Supplier<URI> home) {
        this.events = events;
        this.clock = clock;
        this.companyId = companyId;
        this.defaultUserId = defaultUserId;
        this.home = home;
    }

    // ---- test-facing API ---------------------------------------------------------------------------------------------

    /**
     * Adds an Expense v4 report with its expenses. The report keeps its {@code reportId} and {@code userId} when it has
     * them; otherwise it gets a 20-character id and belongs to the sandbox user. Returns the report id.
     */
    public synchronized String addReport(JsonNode expenseV4Report, List<JsonNode> reportExpenses) {
        ObjectNode report = expenseV4Report.deepCopy();
        String reportId = report.path("reportId").asText("");
        if (reportId.isBlank()) {
            reportId = UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
            report.put("reportId", reportId);
        }
        if (!report.path("userId").isTextual()) {
            report.put("userId", defaultUserId);
        }
        reports.put(reportId, report);
        expenses.put(reportId, reportExpenses.stream().map(e -> (ObjectNode) e.deepCopy()).toList());
        return reportId;
    }

    /** Adds the published Expense v4 report sample with its two expenses; returns its report id. */
    public String addPublishedSampleReport() {
        List<JsonNode> sampleExpenses = new ArrayList<>();
        ConcurFis.Samples.json("expense-v4-get-report-expenses-response.json").forEach(sampleExpenses::add);
        return addReport(ConcurFis.Samples.json("expense-v4-get-report-response.json"), sampleExpenses);
    }

    /**
     * Moves the report to an approval status (e.g. {@code A_APPR}) and publishes {@code public.concur.expense.report}
     * {@code statusChanged} with the report's Expense v4 URI in {@code facts.href}
     * (https://developer.concur.com/event-topics/expense/v4.expense-events.html). Returns the event id.
     */
    public String approveReport(String reportId, String status) {
        if (!APPROVAL_STATUS.containsKey(status)) {
            throw new IllegalArgumentException("unknown approval status " + status + "; one of " + APPROVAL_STATUS.keySet());
        }
        ObjectNode facts;
        synchronized (this) {
            ObjectNode report = report(reportId);
            String previous = report.path("approvalStatusId").asText("A_NOTF");
            report.put("approvalStatusId", status).put("approvalStatus", APPROVAL_STATUS.get(status));
            facts = statusChangedFacts(report, previous, status);
        }
        return events.publish(ConcurEvents.TOPIC_EXPENSE_REPORT, "statusChanged", facts);
    }

    /**
     * Adds an Invoice v3 payment request (its {@code ID} is kept or generated) and publishes the sandbox-only
     * {@code public.concur.invoice.paymentrequest} {@code statusChanged} event — that topic is not in Concur's docs;
     * the documented invoice path is FIS {@code invoice.readyForIntegration}. Returns the payment request id.
     */
    public String addPaymentRequest(JsonNode invoiceV3) {
        ObjectNode request = invoiceV3.deepCopy();
        String id = request.path("ID").asText("");
        if (id.isBlank()) {
            id = UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
            request.put("ID", id);
        }
        String uri = home.get() + "/api/v3.0/invoice/paymentrequest/" + id;
        request.put("URI", uri);
        synchronized (this) {
            paymentRequests.put(id, request);
        }
        ObjectNode facts = SimServer.JSON.createObjectNode().put("companyId", companyId).put("requestId", id)
                .put("href", uri);
        events.publish(ConcurEvents.TOPIC_INVOICE_PAYMENT_REQUEST, "statusChanged", facts);
        return id;
    }

    /** The report's Expense v4 URI, as {@code facts.href} carries it. */
    public synchronized URI reportHref(String reportId) {
        ObjectNode report = report(reportId);
        return URI.create(home.get() + USERS + report.get("userId").asText() + "/context/TRAVELER/reports/" + reportId);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------------

    void register(ApiRoutes routes) {
        var readers = ApiRoutes.only(PrincipalType.COMPANY, PrincipalType.USER); // Expense v4 takes both
        String report = USERS + "([^/]+)/context/([^/]+)/reports/([^/]+)";
        routes.route("GET", report, readers, (req, token) -> read(req, token, null, false));
        routes.route("GET", report + "/expenses", readers, (req, token) -> read(req, token, null, true));
        routes.route("GET", report + "/expenses/([^/]+)", readers,
                (req, token) -> read(req, token, req.pathGroup(4), true));
        routes.route("GET", "/api/v3.0/invoice/paymentrequest/([^/]+)", readers,
                (req, token) -> paymentRequest(req.pathGroup(1), req.path()));
    }

    private synchronized SimResponse read(SimRequest request, AccessToken token, String expenseId, boolean expenseList) {
        String userId = request.pathGroup(1);
        String context = request.pathGroup(2);
        String reportId = request.pathGroup(3);
        if (!CONTEXTS.contains(context)) {
            return errorMessage(400, "Invalid contextType: " + context, request.path());
        }
        if (token.type() == PrincipalType.USER && !token.subject().equals(userId)) {
            return errorMessage(403, "The user token may read only its own user's reports", request.path());
        }
        ObjectNode report = reports.get(reportId);
        if (report == null || (context.equals("TRAVELER") && !report.get("userId").asText().equals(userId))) {
            return errorMessage(404, "Report not found: " + reportId, request.path());
        }
        if (!expenseList) {
            return SimResponse.json(200, report);
        }
        List<ObjectNode> list = expenses.getOrDefault(reportId, List.of());
        if (expenseId == null) {
            return SimResponse.json(200, list);
        }
        return list.stream().filter(e -> expenseId.equals(e.path("expenseId").asText())).findFirst()
                .map(e -> SimResponse.json(200, e))
                .orElseGet(() -> errorMessage(404, "Expense not found: " + expenseId, request.path()));
    }

    private synchronized SimResponse paymentRequest(String id, String path) {
        ObjectNode request = paymentRequests.get(id);
        if (request != null) {
            return SimResponse.json(200, request);
        }
        // legacy v3 error shape: Error{Message, Server-Time, Id}
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("Message", "The payment request " + id + " was not found.");
        error.put("Server-Time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        error.put("Id", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        return SimResponse.json(404, Map.of("Error", error));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private ObjectNode statusChangedFacts(ObjectNode report, String previous, String status) {
        String reportId = report.get("reportId").asText();
        String owner = report.get("userId").asText();
        ObjectNode facts = SimServer.JSON.createObjectNode();
        facts.put("currentApprovalStatus", status);
        facts.put("reportId", reportId);
        facts.put("stepCode", stepCode(status));
        facts.put("lastModifiedDate", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        facts.put("userId", owner);
        facts.put("reportType", report.path("reportType").asText("Regular"));
        String payment = report.path("paymentStatusId").asText("P_NOTP");
        facts.put("previousPaymentStatus", payment);
        facts.put("companyId", companyId);
        facts.put("processId", UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT));
        facts.put("currentPaymentStatus", payment);
        ObjectNode step = facts.putObject("startingStep");
        step.put("roleCode", status.equals("A_APPR") ? "PROCESSOR" : "MANAGER");
        step.putArray("stepInstances").addObject()
                .put("id", UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT))
                .putNull("assignedUserId");
        facts.put("previousApprovalStatus", previous);
        facts.putNull("actingUserId");
        facts.put("href", home.get() + USERS + owner + "/context/TRAVELER/reports/" + reportId);
        return facts;
    }

    private static String stepCode(String status) {
        return switch (status) {
            case "A_PEND" -> "MANAGER";
            case "A_RESU" -> "SENDBACK";
            case "A_ACCO" -> "ACCTCLERK";
            case "A_APPR" -> "PROCESSOR";
            default -> null;
        };
    }

    private ObjectNode report(String reportId) {
        ObjectNode report = reports.get(reportId);
        if (report == null) {
            throw new IllegalArgumentException("no Expense v4 report with id " + reportId);
        }
        return report;
    }

    /** Expense v4 {@code ErrorMessage}. */
    private SimResponse errorMessage(int status, String message, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorId", UUID.randomUUID().toString());
        body.put("errorMessage", message);
        body.put("httpStatus", status);
        body.put("path", path);
        body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        body.put("validationErrors", List.of());
        body.put("customResponseData", null);
        return SimResponse.json(status, body);
    }
}
