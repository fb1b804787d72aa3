package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.internal.ConcurJson;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Expense Report v4 reads for tenants without FIS
 * (https://developer.concur.com/api-reference/expense/expense-report/v4.reports.html), with the user token when a user
 * is configured, else the company token.
 */
public final class ExpenseOperations {
    private final ConcurConnection connection;

    public ExpenseOperations(ConcurConnection connection) {
        this.connection = connection;
    }

    /**
     * Gets the report an expense event points to. Use {@code facts.href}; never build the URL from {@code facts.userId}
     * (it changes to the approver in the published samples,
     * https://developer.concur.com/event-topics/expense/v4.expense-events.html). Only the href's path and query are
     * used, against the token's geolocation, so the bearer token never leaves Concur's data centre.
     *
     * @param href the event's {@code facts.href}
     * @throws ConcurException INVALID_MESSAGE (not an Expense v4 report URL), NOT_FOUND, UNAUTHORIZED, FORBIDDEN,
     *                         CONNECTIVITY, TIMEOUT, THROTTLED, SERVICE_UNAVAILABLE, REAUTHORIZATION_REQUIRED
     */
    public ExpenseReport getReport(String href) {
        JsonNode json = connection.api().get(connection.expenseTokens(), reportPath(href), null);
        return new ExpenseReport(ConcurJson.text(json, "reportId"), ConcurJson.text(json, "name"),
                ConcurJson.text(json, "currencyCode"), ConcurJson.text(json, "approvalStatusId"),
                json != null && json.path("isFinancialIntegrationEnabled").asBoolean(false), json);
    }

    /**
     * Gets the expenses of the report at {@code href} ({@code …/reports/{reportId}/expenses}).
     *
     * @throws ConcurException as {@link #getReport}
     */
    public List<JsonNode> getExpenses(String href) {
        JsonNode json = connection.api().get(connection.expenseTokens(), reportPath(href) + "/expenses", null);
        List<JsonNode> list = new ArrayList<>();
        if (json != null && json.isArray()) {
            json.forEach(list::add);
        }
        return list;
    }

    static String reportPath(String href) {
        URI uri;
        try {
            uri = URI.create(href == null ? "" : href.trim());
        } catch (IllegalArgumentException e) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "href is not a URL: " + href, e);
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/expensereports/v4/") || !path.contains("/reports/")) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "href is not an Expense v4 report URL: " + href);
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
