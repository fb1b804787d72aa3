package io.mlconnector.app.nonfis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import io.mlconnector.sandbox.concur.PublishedSamples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The published Expense v4 samples (sources in the sandbox's samples/SOURCES.tsv) and hand-written v4 / v3 documents,
 * amounts as BigDecimal.
 */
final class V4Fixtures {
    private V4Fixtures() {
    }

    static JsonNode sample(String file) {
        try {
            return FisSamples.JSON.readTree(PublishedSamples.bytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode sampleReport() {
        return sample("expense-v4-get-report-response.json");
    }

    static List<JsonNode> sampleExpenses() {
        List<JsonNode> expenses = new ArrayList<>();
        sample("expense-v4-get-report-expenses-response.json").forEach(expenses::add);
        return expenses;
    }

    static ObjectNode report(String reportId, String total) {
        ObjectNode report = AdapterJson.NODES.objectNode();
        report.put("reportId", reportId).put("name", "Test report").put("ledger", "DEFAULT").put("currencyCode", "USD")
                .put("userId", "32c2fcc3-b2e8-4907-9672-5b3f49b1c643").put("reportDate", "2026-11-20")
                .put("approvalStatusId", "A_NOTF").put("isFinancialIntegrationEnabled", false).put("reportVersion", 0);
        report.set("approvedAmount", money(total, "USD"));
        return report;
    }

    /** An Expense v4 expense as GET …/expenses returns it, optionally with allocations in the v4 allocation shape. */
    static ObjectNode expense(String expenseId, String expenseType, String approved, String paymentTypeCode) {
        ObjectNode expense = AdapterJson.NODES.objectNode();
        expense.put("expenseId", expenseId);
        expense.putObject("expenseType").put("id", expenseType).put("name", expenseType).put("code", "OTHER");
        expense.set("approvedAmount", money(approved, "USD"));
        expense.set("postedAmount", money(approved, "USD"));
        expense.set("transactionAmount", money(approved, "USD"));
        expense.putObject("paymentType").put("id", paymentTypeCode).put("name", paymentTypeCode)
                .put("code", paymentTypeCode);
        expense.put("isPersonalExpense", false).put("allocationState", "NOT_ALLOCATED")
                .put("transactionDate", "2026-11-18");
        return expense;
    }

    static ObjectNode personal(ObjectNode expense, String charged) {
        expense.put("isPersonalExpense", true);
        expense.set("approvedAmount", money("0", "USD"));
        expense.set("postedAmount", money(charged, "USD"));
        return expense;
    }

    static ObjectNode customData(ObjectNode target, String id, String value) {
        ArrayNode data = target.has("customData") ? (ArrayNode) target.get("customData") : target.putArray("customData");
        data.addObject().put("id", id).put("value", value).put("isValid", true);
        return target;
    }

    static ObjectNode allocation(String allocationId, String percentage, String approved) {
        ObjectNode allocation = AdapterJson.NODES.objectNode();
        allocation.put("allocationId", allocationId).put("percentage", new java.math.BigDecimal(percentage));
        allocation.set("approvedAmount", money(approved, "USD"));
        return allocation;
    }

    static ObjectNode allocated(ObjectNode expense, ObjectNode... allocations) {
        expense.put("allocationState", "FULLY_ALLOCATED");
        ArrayNode list = expense.putArray("allocations");
        for (ObjectNode allocation : allocations) {
            list.add(allocation);
        }
        return expense;
    }

    static ObjectNode money(String value, String currency) {
        return AdapterJson.NODES.objectNode().put("value", new java.math.BigDecimal(value)).put("currencyCode", currency);
    }
}
