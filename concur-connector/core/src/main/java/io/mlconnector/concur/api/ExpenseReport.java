package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An Expense v4 report (https://developer.concur.com/api-reference/expense/expense-report/v4.reports.html) with a few
 * typed fields and the raw answer.
 *
 * @param reportId                       the report id
 * @param name                           the report name
 * @param currencyCode                   the report currency
 * @param approvalStatusId               e.g. {@code A_APPR}
 * @param isFinancialIntegrationEnabled  true when the company posts through FIS instead
 * @param json                           the raw report
 */
public record ExpenseReport(String reportId, String name, String currencyCode, String approvalStatusId,
                            boolean isFinancialIntegrationEnabled, JsonNode json) {
}
