package io.mlconnector.app.nonfis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.concur.api.ConcurFields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.mlconnector.app.nonfis.AdapterJson.NODES;
import static io.mlconnector.app.nonfis.AdapterJson.putIfPresent;
import static io.mlconnector.concur.api.ConcurFields.text;

/**
 * Turns an Expense v4 report and its expenses
 * (https://developer.concur.com/api-reference/expense/expense-report/v4.reports.html) into the FIS expense document
 * shape (https://developer.concur.com/api-reference/financial-integration/v4.financial-documents-schema.html), so the
 * customer's one mapping file serves the FIS and the non-FIS path alike and picks the same GL accounts, cost centers
 * and credit side:
 * <ul>
 *   <li>{@code expenseType.id} → {@code expenseTypeCode} (v4's {@code expenseType.code} is a category such as
 *       {@code OTHER}, the FIS code is the id);</li>
 *   <li>{@code approvedAmount} (report currency) → the journal row's {@code amountGross}, as FIS does;</li>
 *   <li>{@code paymentType.code} → {@code journalPayer}/{@code journalPayee} as FIS writes them: {@code CASH} and
 *       {@code IBIP} are out of pocket (COMP pays EMPL), {@code CBCP}/{@code IBCP}/{@code COPD} are kept; a personal
 *       charge on a company card gives the two rows of FIS use case 6.2.2 (card +, employee owes −); a personal cash
 *       expense posts nothing;</li>
 *   <li>{@code customData} {@code customN}/{@code orgUnitN} → {@code report|entry|allocationCustomNCode} /
 *       {@code …OrgUnitNCode}; embedded {@code allocations[]} (v4 allocation shape) become FIS allocations;</li>
 *   <li>reclaimable tax from {@code expenseTaxSummary} becomes a FIS tax row linked by {@code taxGuid}.</li>
 * </ul>
 * The raw v4 report and each raw expense stay in the document under {@code expenseV4}, so mapping expressions can
 * still reach any v4 field. Everything that would need a guess is refused with every problem named.
 */
public final class ExpenseReportAdapter {
    /** The key under which the raw v4 answers are kept; not part of the posting content. */
    public static final String RAW = "expenseV4";
    private static final Set<String> OUT_OF_POCKET = Set.of("CASH", "IBIP");
    private static final Set<String> COMPANY_CARD = Set.of("CBCP", "IBCP");
    private static final Set<String> NOT_ALLOCATED = Set.of("", "NOT_ALLOCATED");

    private final JsonNode report;
    private final List<JsonNode> expenses;
    private final List<String> problems = new ArrayList<>();
    private String currency;

    private ExpenseReportAdapter(JsonNode report, List<JsonNode> expenses) {
        this.report = report;
        this.expenses = expenses;
    }

    /**
     * The FIS-shaped expense document ({@code employee}, {@code report}, {@code expenseEntry[]}).
     *
     * @throws NonFisDocumentException naming every problem: no report id or currency, an expense in another currency,
     *                                 allocations the v4 read did not include, expenses that do not add up to the
     *                                 report's approved amount
     */
    public static ObjectNode toFisDocument(JsonNode report, List<JsonNode> expenses) {
        return new ExpenseReportAdapter(report, expenses).adapt();
    }

    private ObjectNode adapt() {
        String reportId = text(report, "reportId");
        currency = text(report, "currencyCode");
        if (reportId == null) {
            problems.add("the Expense v4 report has no reportId");
        }
        if (currency == null) {
            problems.add("the Expense v4 report has no currencyCode");
        }
        ObjectNode document = NODES.objectNode();
        document.set("employee", employee());
        document.set("report", header());
        ArrayNode entries = document.putArray("expenseEntry");
        BigDecimal approvedTotal = BigDecimal.ZERO;
        for (JsonNode expense : expenses) {
            ObjectNode entry = entry(expense);
            entries.add(entry);
            BigDecimal approved = entry.has("entryApprovedAmount")
                    ? ConcurFields.amount(entry, "entryApprovedAmount") : null;
            approvedTotal = approved == null ? approvedTotal : approvedTotal.add(approved);
        }
        BigDecimal reportApproved = amount(report, "approvedAmount", "the report");
        if (reportApproved != null && reportApproved.compareTo(approvedTotal) != 0) {
            problems.add("the expenses' approved amounts add up to " + approvedTotal.toPlainString() + " " + currency
                    + " but the report's approvedAmount is " + reportApproved.toPlainString() + " " + currency);
        }
        if (!problems.isEmpty()) {
            throw new NonFisDocumentException(reportId == null ? "(no reportId)" : reportId, problems);
        }
        return document;
    }

    // The v4 report names the user only by UUID; Identity v4
    // (https://developer.concur.com/api-reference/profile/v4.identity.html) would give the employee number.
    private ObjectNode employee() {
        ObjectNode employee = NODES.objectNode();
        putIfPresent(employee, "employeeId", text(report, "userId"));
        return employee;
    }

    private ObjectNode header() {
        ObjectNode header = NODES.objectNode();
        putIfPresent(header, "reportId", text(report, "reportId"));
        putIfPresent(header, "reportName", text(report, "name"));
        putIfPresent(header, "ledgerCode", text(report, "ledger"));
        putIfPresent(header, "policyId", text(report, "policyId"));
        putIfPresent(header, "employeeCurrencyAlphaCode", currency);
        putIfPresent(header, "homeCountryCode", text(report, "countryCode"));
        putIfPresent(header, "totalApprovedAmount", amount(report, "approvedAmount", "the report"));
        putIfPresent(header, "reportSubmitDate", text(report, "submitDate"));
        putIfPresent(header, "reportCreationDate", text(report, "creationDate"));
        putIfPresent(header, "reportUserDefinedDate", text(report, "reportDate"));
        putIfPresent(header, "reportStartDate", text(report, "startDate"));
        putIfPresent(header, "reportEndDate", text(report, "endDate"));
        putIfPresent(header, "revisionNumber", text(report, "reportVersion"));
        customData(report, "report", header);
        header.set(RAW, report.deepCopy());
        return header;
    }

    private ObjectNode entry(JsonNode expense) {
        String expenseId = text(expense, "expenseId");
        String label = "expense " + (expenseId == null ? "(no expenseId)" : expenseId);
        ObjectNode entry = NODES.objectNode();
        putIfPresent(entry, "entryId", expenseId);
        putIfPresent(entry, "expenseTypeCode", text(expense.path("expenseType"), "id"));
        putIfPresent(entry, "expenseTypeName", text(expense.path("expenseType"), "name"));
        putIfPresent(entry, "entryDate", text(expense, "transactionDate"));
        putIfPresent(entry, "entryCurrAlphaCode", text(expense.path("transactionAmount"), "currencyCode"));
        putIfPresent(entry, "reportEntryTransactionAmount",
                ConcurFields.amount(expense.path("transactionAmount"), "value"));
        BigDecimal approved = amount(expense, "approvedAmount", label);
        putIfPresent(entry, "entryApprovedAmount", approved);
        putIfPresent(entry, "entryExchangeRate", ConcurFields.amount(expense.path("exchangeRate"), "value"));
        String operation = text(expense.path("exchangeRate"), "operation");
        putIfPresent(entry, "entryExchangeRateDirection", operation == null ? null : operation.substring(0, 1));
        boolean personal = expense.path("isPersonalExpense").asBoolean(false);
        entry.put("entryIsPersonal", personal ? "Y" : "N");
        entry.put("entryIsBillable", expense.path("isExpenseBillable").asBoolean(false) ? "Y" : "N");
        putIfPresent(entry, "entryVendorDescription", vendor(expense));
        putIfPresent(entry, "entryLocationCityName", text(expense.path("location"), "city"));
        putIfPresent(entry, "entryCountryCode", text(expense.path("location"), "countryCode"));
        putIfPresent(entry, "entryDescription", text(expense, "businessPurpose"));
        String paymentCode = upper(text(expense.path("paymentType"), "code"));
        putIfPresent(entry, "reportEntryPatKey", text(expense.path("paymentType"), "id"));
        putIfPresent(entry, "reportEntryPaymentTypeCode", paymentCode);
        putIfPresent(entry, "reportEntryPaymentTypeName", text(expense.path("paymentType"), "name"));
        customData(expense, "entry", entry);
        entry.set("allocation", personal ? personalAllocation(expense, paymentCode, label)
                : allocations(expense, approved, paymentCode, label));
        entry.set(RAW, expense.deepCopy());
        return entry;
    }

    private ArrayNode allocations(JsonNode expense, BigDecimal approved, String paymentCode, String label) {
        ArrayNode result = NODES.arrayNode();
        if (approved == null || paymentCode == null) {
            if (paymentCode == null) {
                problems.add(label + " has no paymentType.code (who paid is needed for the credit side)");
            }
            return result;
        }
        List<JsonNode> v4Allocations = ConcurFields.elements(expense, "allocations");
        String state = upper(text(expense, "allocationState"));
        if (v4Allocations.isEmpty() && !NOT_ALLOCATED.contains(state == null ? "" : state)) {
            problems.add(label + " is " + state + " but its allocations were not part of the Expense v4 read; "
                    + "posting it on one cost center would be wrong");
            return result;
        }
        if (v4Allocations.isEmpty()) {
            result.add(allocation(null, BigDecimal.valueOf(100), approved, expense, paymentCode, 0));
            return result;
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (JsonNode a : v4Allocations) {
            BigDecimal amount = ConcurFields.amount(a.path("approvedAmount"), "value");
            amounts.add(amount != null ? amount : ConcurFields.amount(a.path("allocationAmount"), "value"));
        }
        if (amounts.contains(null) || amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(approved) != 0) {
            problems.add(label + ": its allocations' amounts " + amounts + " do not add up to its approved amount "
                    + approved.toPlainString());
            return result;
        }
        List<BigDecimal> reclaims = AdapterJson.split(reclaim(expense, approved), amounts);
        for (int i = 0; i < v4Allocations.size(); i++) {
            JsonNode a = v4Allocations.get(i);
            ObjectNode allocation = allocation(a, ConcurFields.amount(a, "percentage"), amounts.get(i), expense,
                    paymentCode, i);
            withReclaim(allocation, expense, reclaims.get(i), i);
            result.add(allocation);
        }
        return result;
    }

    private ObjectNode allocation(JsonNode v4Allocation, BigDecimal percentage, BigDecimal gross, JsonNode expense,
                                  String paymentCode, int index) {
        ObjectNode allocation = NODES.objectNode();
        putIfPresent(allocation, "allocationPercentage", percentage);
        if (v4Allocation != null) {
            putIfPresent(allocation, "allocationId", text(v4Allocation, "allocationId"));
            customData(v4Allocation, "allocation", allocation);
        }
        ObjectNode journal = allocation.putArray("journal").addObject();
        journal.put("journalPayer", "COMP");
        journal.put("journalPayee", OUT_OF_POCKET.contains(paymentCode) ? "EMPL" : paymentCode);
        putIfPresent(journal, "journalAccountCode", text(v4Allocation, "accountCode"));
        journal.put("amountGross", gross);
        journal.put("amountNetOfTax", gross);
        journal.put("amountNetOfReclaim", gross);
        journal.putArray("taxGuid");
        allocation.putArray("tax");
        if (v4Allocation == null) {
            withReclaim(allocation, expense, reclaim(expense, gross), index);
        }
        return allocation;
    }

    /** Reclaimable tax becomes a FIS tax row; the expense line is then net of it (FIS use case 2.1). */
    private void withReclaim(ObjectNode allocation, JsonNode expense, BigDecimal reclaim, int index) {
        if (reclaim.signum() == 0) {
            return;
        }
        ObjectNode journal = (ObjectNode) allocation.get("journal").get(0);
        String guid = text(expense, "expenseId") + "-tax-" + (index + 1);
        BigDecimal gross = ConcurFields.amount(journal, "amountGross");
        journal.put("amountNetOfReclaim", gross.subtract(reclaim));
        journal.put("amountNetOfTax", gross.subtract(reclaim));
        ((ArrayNode) journal.get("taxGuid")).add(guid);
        ObjectNode tax = ((ArrayNode) allocation.get("tax")).addObject();
        tax.put("taxGuid", guid);
        tax.put("amountTax", reclaim);
        tax.put("amountReclaim", reclaim);
        putIfPresent(tax, "locationCountryCode", text(expense.path("location"), "countryCode"));
    }

    private BigDecimal reclaim(JsonNode expense, BigDecimal gross) {
        JsonNode summary = expense.path("expenseTaxSummary");
        BigDecimal reclaim = ConcurFields.amount(summary.path("totalReclaimAdjustedAmount"), "value");
        reclaim = reclaim != null ? reclaim : ConcurFields.amount(summary.path("totalReclaimPostedAmount"), "value");
        return reclaim == null ? BigDecimal.ZERO.setScale(gross.scale()) : reclaim;
    }

    /**
     * A personal charge on a company card: the card is paid by the company and the employee owes it back, the two
     * rows of FIS use case 6.2.2 on the expense's own account. A personal cash expense posts nothing.
     */
    private ArrayNode personalAllocation(JsonNode expense, String paymentCode, String label) {
        ArrayNode result = NODES.arrayNode();
        if (!COMPANY_CARD.contains(paymentCode)) {
            return result;
        }
        BigDecimal charged = ConcurFields.amount(expense.path("postedAmount"), "value");
        charged = charged != null ? charged : ConcurFields.amount(expense.path("claimedAmount"), "value");
        if (charged == null) {
            problems.add(label + " is a personal card charge without postedAmount or claimedAmount");
            return result;
        }
        ObjectNode allocation = result.addObject();
        allocation.put("allocationPercentage", BigDecimal.valueOf(100));
        ArrayNode journal = allocation.putArray("journal");
        journal.add(personalRow("COMP", paymentCode, charged));
        journal.add(personalRow("EMPL", "COMP", charged.negate()));
        allocation.putArray("tax");
        return result;
    }

    private static ObjectNode personalRow(String payer, String payee, BigDecimal amount) {
        ObjectNode row = NODES.objectNode();
        row.put("journalPayer", payer);
        row.put("journalPayee", payee);
        row.put("amountGross", amount);
        row.put("amountNetOfTax", amount);
        row.put("amountNetOfReclaim", amount);
        row.putArray("taxGuid");
        return row;
    }

    /** A v4 money object {@code {value, currencyCode}} in the report currency; another currency is a problem. */
    private BigDecimal amount(JsonNode parent, String field, String label) {
        JsonNode money = parent.path(field);
        BigDecimal value = ConcurFields.amount(money, "value");
        String moneyCurrency = text(money, "currencyCode");
        if (value != null && moneyCurrency != null && currency != null && !moneyCurrency.equals(currency)) {
            problems.add(label + ": " + field + " is in " + moneyCurrency + ", the report in " + currency);
        }
        return value;
    }

    private static void customData(JsonNode source, String prefix, ObjectNode target) {
        for (JsonNode field : ConcurFields.elements(source, "customData")) {
            String name = AdapterJson.fisCustomField(prefix, text(field, "id"));
            String value = text(field, "value");
            if (name != null && value != null) {
                target.put(name, value);
            }
        }
    }

    private static String vendor(JsonNode expense) {
        JsonNode vendor = expense.path("vendor");
        String description = text(vendor, "description");
        return description != null ? description : text(vendor, "name");
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
