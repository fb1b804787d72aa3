package io.mlconnector.app.nonfis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.mapping.fixtures.FisDocuments;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.GlLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.mlconnector.app.nonfis.V4Fixtures.allocated;
import static io.mlconnector.app.nonfis.V4Fixtures.allocation;
import static io.mlconnector.app.nonfis.V4Fixtures.customData;
import static io.mlconnector.app.nonfis.V4Fixtures.expense;
import static io.mlconnector.app.nonfis.V4Fixtures.personal;
import static io.mlconnector.app.nonfis.V4Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpenseReportAdapterTest {
    private static final Mapping DEFAULT = Mapping.defaultMapping();

    @Test
    void publishedV4ReportPostsTheReportsAmountsOnTheMappedAccounts() {
        // given the published Expense v4 report (525 USD) and its two expenses: lunch paid cash, office supplies on a
        // company-billed card
        JsonNode report = V4Fixtures.sampleReport();

        // when adapted and mapped with the shipped mapping
        AccountingDocument mapped = map(ExpenseReportAdapter.toFisDocument(report, V4Fixtures.sampleExpenses()));

        // then the debits are the report's approved amount, each expense on its expense type's GL account, the lunch
        // owed to the employee and the card charge on the card clearing account
        BigDecimal reportTotal = report.path("approvedAmount").path("value").decimalValue();
        assertThat(mapped.totalDebits()).isEqualByComparingTo(reportTotal).isEqualByComparingTo("525");
        assertThat(mapped.totalCredits()).isEqualByComparingTo(reportTotal);
        assertThat(lines(mapped)).containsExactlyInAnyOrder(
                "6130/CC900 DEBIT 25.00000000", "2100/- CREDIT 25.00000000",
                "6190/CC900 DEBIT 500.00000000", "2110/- CREDIT 500.00000000");
        assertThat(mapped.currency()).isEqualTo("USD");
        assertThat(mapped.accountingEntity()).isEqualTo("100");
        assertThat(mapped.businessId()).isEqualTo("764428DD6A664AF0BFCB");
        assertThat(mapped.payable()).hasValueSatisfying(payable -> {
            assertThat(payable.amount()).isEqualByComparingTo("25");
            assertThat(payable.supplierId()).isEqualTo(report.path("userId").asText());
        });
    }

    @Test
    void expensesMapToTheSameGlLinesAsTheirFisDocument() {
        // given FIS use case 6.2.2 (cash taxi, card hotel and dinner, a personal charge on the company card) and the
        // same report as Expense v4 would return it: allocation custom field 4 and entry org unit 4 = 21-BELLEV1
        AccountingDocument fis = DEFAULT.map(FisSamples.named("fis-expense-use-case-6.2.2-cbcp-card-itemized-personal.json").fis());
        ObjectNode report = report("815EF4FB5B4448A9B09E", "305");
        List<JsonNode> expenses = List.of(
                bellevue(expense("DBE3B047F0EDC14283E92EFFABB666CE", "TAXIX", "35", "CASH")),
                bellevue(expense("95C3C97F4149CF45949DECE8C5171478", "LODNG", "125", "CBCP")),
                bellevue(expense("52F2FB67BBD8D243A4C374FE7E508207", "DINNR", "20", "CBCP")),
                bellevue(expense("88812B1956D9504FBEFCC832198C6BA0", "LODNG", "125", "CBCP")),
                customData(personal(expense("030A284505775545B95ACF75DBE99652", "ENTOT", "0", "CBCP"), "14"),
                        "orgUnit4", "21-BELLEV1"));

        // when the v4 report is adapted and mapped
        AccountingDocument v4 = map(ExpenseReportAdapter.toFisDocument(report, expenses));

        // then the GL lines are the FIS document's: accounts, cost centers, sides and amounts; except that v4 has no
        // account code for the personal charge, whose pair then posts on the party accounts only (without FIS's
        // cancelling 6190 debit and credit), so the two agree on every account's balance
        assertThat(comparable(v4)).containsAll(comparable(fis).stream().filter(l -> !l.startsWith("6190/")).toList());
        assertThat(balances(v4)).isEqualTo(balances(fis));
        assertThat(v4.accountingEntity()).isEqualTo(fis.accountingEntity());
        assertThat(v4.payable().orElseThrow().amount()).isEqualByComparingTo(fis.payable().orElseThrow().amount());
    }

    @Test
    void allocatedExpenseIsSplitOnItsAllocationsCustomFields() {
        // given the office-supplies expense with the published v4 allocations response (2 × 250 USD, custom9)
        List<JsonNode> expenses = V4Fixtures.sampleExpenses();
        ObjectNode supplies = ((ObjectNode) expenses.get(1)).put("allocationState", "FULLY_ALLOCATED");
        supplies.set("allocations", V4Fixtures.sample("expense-v4-get-expense-allocations-response.json"));

        // when
        JsonNode document = ExpenseReportAdapter.toFisDocument(V4Fixtures.sampleReport(), expenses);

        // then two FIS allocations with their custom field and their own amounts
        JsonNode allocations = document.path("expenseEntry").get(1).path("allocation");
        assertThat(allocations).hasSize(2);
        assertThat(allocations.get(0).path("allocationCustom9Code").asText()).isEqualTo("D3954B47BCEC9446A4FFC49E0000B46E");
        assertThat(allocations.get(1).path("allocationCustom9Code").asText()).isEqualTo("88EACA3116581248BCE27956DE67647D");
        assertThat(allocations.get(0).path("journal").get(0).path("amountGross").decimalValue()).isEqualByComparingTo("250");
        assertThat(allocations.get(1).path("journal").get(0).path("journalPayee").asText()).isEqualTo("CBCP");
    }

    @Test
    void allocationCustomFieldChoosesTheCostCenterAsOnFis() {
        // given an expense split 60/40 over allocation custom field 4 = 21-KING / 21-BELLEV1
        ObjectNode hotel = allocated(expense("E1", "LODNG", "200.00", "CASH"),
                customData(allocation("A1", "60", "120.00"), "custom4", "21-KING"),
                customData(allocation("A2", "40", "80.00"), "custom4", "21-BELLEV1"));

        // when
        AccountingDocument mapped = map(ExpenseReportAdapter.toFisDocument(report("R1", "200.00"), List.of(hotel)));

        // then each allocation is debited on its own cost center
        assertThat(lines(mapped)).contains("6120/CC100 DEBIT 120.00", "6120/CC200 DEBIT 80.00");
        assertThat(mapped.totalDebits()).isEqualByComparingTo("200.00");
    }

    @Test
    void reclaimableTaxIsPostedOnTheTaxAccountAndTheExpenseNetOfIt() {
        // given a 119 EUR-style expense with 19 reclaimable tax in its tax summary
        ObjectNode dinner = expense("E1", "DINNR", "119.00", "CASH");
        dinner.putObject("expenseTaxSummary").set("totalReclaimPostedAmount", V4Fixtures.money("19.00", "USD"));

        // when
        AccountingDocument mapped = map(ExpenseReportAdapter.toFisDocument(report("R1", "119.00"), List.of(dinner)));

        // then
        assertThat(lines(mapped)).containsExactlyInAnyOrder("6130/CC900 DEBIT 100.00", "2310/- DEBIT 19.00",
                "2100/- CREDIT 119.00");
    }

    @Test
    void allocatedExpenseWhoseAllocationsWereNotReadIsRefused() {
        // given an expense Concur says is allocated, without its allocations
        ObjectNode expense = expense("E1", "LODNG", "200.00", "CASH").put("allocationState", "FULLY_ALLOCATED");

        // then it is not posted on one cost center
        assertThatThrownBy(() -> ExpenseReportAdapter.toFisDocument(report("R1", "200.00"), List.of(expense)))
                .isInstanceOfSatisfying(NonFisDocumentException.class, e -> {
                    assertThat(e.documentId()).isEqualTo("R1");
                    assertThat(e.problems()).singleElement().asString().contains("E1", "FULLY_ALLOCATED");
                });
    }

    @Test
    void expensesThatDoNotAddUpToTheReportAreRefused() {
        // given the published report (525) with only its first expense (25)
        List<JsonNode> one = V4Fixtures.sampleExpenses().subList(0, 1);

        // then
        assertThatThrownBy(() -> ExpenseReportAdapter.toFisDocument(V4Fixtures.sampleReport(), one))
                .isInstanceOfSatisfying(NonFisDocumentException.class, e -> assertThat(e.problems())
                        .singleElement().asString().contains("25.00000000", "525.00000000"));
    }

    @Test
    void expenseInAnotherCurrencyThanTheReportIsRefused() {
        // given a USD report with an expense approved in EUR
        ObjectNode expense = expense("E1", "LODNG", "200.00", "CASH");
        expense.set("approvedAmount", V4Fixtures.money("200.00", "EUR"));

        // then
        assertThatThrownBy(() -> ExpenseReportAdapter.toFisDocument(report("R1", "200.00"), List.of(expense)))
                .isInstanceOfSatisfying(NonFisDocumentException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("EUR", "USD")));
    }

    @Test
    void rawV4AnswersStayReachableForMappingExpressions() {
        // when
        JsonNode document = ExpenseReportAdapter.toFisDocument(V4Fixtures.sampleReport(), V4Fixtures.sampleExpenses());

        // then
        assertThat(document.path("report").path(ExpenseReportAdapter.RAW).path("policy").asText())
                .isEqualTo("JH - US Expense Policy");
        assertThat(document.path("expenseEntry").get(1).path(ExpenseReportAdapter.RAW).path("vendor")
                .path("description").asText()).isEqualTo("Antioch Construction");
    }

    private static ObjectNode bellevue(ObjectNode expense) {
        BigDecimal amount = expense.path("approvedAmount").path("value").decimalValue();
        return allocated(expense, customData(allocation("A-" + expense.path("expenseId").asText(), "100",
                amount.toPlainString()), "custom4", "21-BELLEV1"));
    }

    static AccountingDocument map(JsonNode document) {
        return DEFAULT.map(FisDocuments.of("report-test", "expense", document));
    }

    static List<String> lines(AccountingDocument document) {
        List<String> lines = new ArrayList<>();
        for (GlLine l : document.glLines()) {
            lines.add(l.glAccount() + "/" + (l.costCenter() == null ? "-" : l.costCenter()) + " " + l.side() + " "
                    + l.amount().toPlainString());
        }
        return lines;
    }

    /** Lines with amounts compared by value, not scale (FIS sends 35, v4 35.00000000). */
    /** Each account and cost center's balance (debit positive), zero balances left out. */
    private static java.util.Map<String, java.math.BigDecimal> balances(AccountingDocument document) {
        java.util.Map<String, java.math.BigDecimal> balances = new java.util.TreeMap<>();
        document.glLines().forEach(l -> balances.merge(l.glAccount() + "/" + l.costCenter(), l.signedAmount(),
                java.math.BigDecimal::add));
        balances.values().removeIf(b -> b.signum() == 0);
        balances.replaceAll((k, b) -> b.stripTrailingZeros());
        return balances;
    }

    private static List<String> comparable(AccountingDocument document) {
        return document.glLines().stream().map(l -> l.glAccount() + "/" + l.costCenter() + " " + l.side() + " "
                + l.amount().stripTrailingZeros().toPlainString()).toList();
    }
}
