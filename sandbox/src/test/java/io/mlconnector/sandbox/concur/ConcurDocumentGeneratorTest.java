package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurDocumentGeneratorTest {

    @Test
    void sameSeedGivesTheSameDocuments() {
        // given two generators with the same seed
        ConcurDocumentGenerator a = new ConcurDocumentGenerator(2026);
        ConcurDocumentGenerator b = new ConcurDocumentGenerator(2026);

        // when each generates a report and an invoice, then they are identical; another seed differs
        assertThat(a.expenseReport(12).toString()).isEqualTo(b.expenseReport(12).toString());
        assertThat(a.invoice(4).toString()).isEqualTo(b.invoice(4).toString());
        assertThat(new ConcurDocumentGenerator(2027).expenseReport(12).toString())
                .isNotEqualTo(new ConcurDocumentGenerator(2026).expenseReport(12).toString());
    }

    @Test
    void reportWithoutCostObjectsHasNoOrgUnitOrCustomValueAnywhere() {
        JsonNode report = new ConcurDocumentGenerator(8).expenseReportWithoutCostObjects(6);

        assertThat(report.get("expenseEntry")).hasSize(6);
        List<JsonNode> scopes = new java.util.ArrayList<>(List.of(report.get("employee"), report.get("report")));
        report.get("expenseEntry").forEach(e -> {
            scopes.add(e);
            e.get("allocation").forEach(scopes::add);
        });
        for (JsonNode scope : scopes) {
            scope.fields().forEachRemaining(f -> {
                if (f.getKey().contains("OrgUnit") || f.getKey().contains("Custom")) {
                    assertThat(f.getValue().isNull()).as(f.getKey()).isTrue();
                }
            });
        }
    }

    @Test
    void personalCardChargeIsAPairOfRowsWithoutAccountCodeThatNetsToZero() {
        JsonNode report = new ConcurDocumentGenerator(8).expenseReportWithPersonalCardCharge(3);

        JsonNode personal = report.get("expenseEntry").get(3);
        assertThat(personal.get("entryIsPersonal").asText()).isEqualTo("Y");
        assertThat(personal.get("reportEntryPatKey").asText()).isEqualTo("CBCP");
        JsonNode rows = personal.get("allocation").get(0).get("journal");
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.get("journalAccountCode").asText()).isEmpty());
        assertThat(rows.get(0).get("journalPayer").asText() + ">" + rows.get(0).get("journalPayee").asText()
                + " " + rows.get(0).get("journalPayerPaymentTypeName").asText()).isEqualTo("EMPL>COMP EMPLOYEE");
        assertThat(rows.get(1).get("journalPayer").asText() + ">" + rows.get(1).get("journalPayee").asText())
                .isEqualTo("COMP>CBCP");
        assertThat(rows.get(0).get("amountGross").decimalValue().add(rows.get(1).get("amountGross").decimalValue()))
                .isZero();
        assertThat(rows.get(1).get("amountGross").decimalValue()).isPositive();
    }

    @Test
    void fundsReservationsCarryTheirInstructionAndBusinessId() {
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(8);
        JsonNode request = generator.requestObligation();
        JsonNode report = generator.reportObligation(2);

        assertThat(request.get("instruction").get("instruction").asText()).isEqualTo("obligate");
        assertThat(ConcurFis.businessId("requestobligation", request))
                .isEqualTo(request.get("requestHeader").get("requestId").asText());
        assertThat(report.get("instruction").get("instruction").asText()).isEqualTo("obligate");
        assertThat(ConcurFis.businessId("reportobligation", report))
                .isEqualTo(report.get("report").get("reportId").asText());
    }

    @Test
    void expenseReportHasTheRequestedEntriesAndBalances() {
        for (long seed = 1; seed <= 40; seed++) {
            // given a generated report
            JsonNode report = new ConcurDocumentGenerator(seed).expenseReport(1 + (int) (seed % 15));

            // then every entry's journals add up to its approved amount, taxes close net to gross, percentages to 100
            assertThat(report.get("expenseEntry")).hasSize(1 + (int) (seed % 15));
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal outOfPocket = BigDecimal.ZERO;
            for (JsonNode entry : report.get("expenseEntry")) {
                assertEntryBalances(entry);
                total = total.add(entry.get("entryApprovedAmount").decimalValue());
                if (entry.get("reportEntryPatKey").asText().equals("CASH")) {
                    outOfPocket = outOfPocket.add(entry.get("entryApprovedAmount").decimalValue());
                }
            }
            assertThat(report.get("report").get("totalApprovedAmount").decimalValue()).isEqualByComparingTo(total);
            BigDecimal advances = BigDecimal.ZERO;
            for (JsonNode application : report.get("cashAdvanceApplication")) {
                advances = advances.add(application.get("cashAdvanceApplicationAmount").decimalValue().negate());
            }
            assertThat(advances).isLessThanOrEqualTo(outOfPocket);
        }
    }

    @Test
    void reportsCoverThePayersCurrenciesTaxesAllocationsAndCashAdvances() {
        // given many generated reports
        Set<String> payees = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        Set<String> costCenters = new HashSet<>();
        boolean tax = false;
        boolean splitAllocation = false;
        boolean cashAdvance = false;
        boolean personalCardItem = false;
        boolean itemisedHotel = false;
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(99);
        for (int i = 0; i < 30; i++) {
            JsonNode report = generator.expenseReport(10);
            cashAdvance |= !report.get("cashAdvanceApplication").isEmpty();
            List<String> types = report.get("expenseEntry").findValuesAsText("expenseTypeCode");
            itemisedHotel |= types.contains("LODNG") && types.contains("LODTX");
            for (JsonNode entry : report.get("expenseEntry")) {
                currencies.add(entry.get("entryCurrAlphaCode").asText());
                personalCardItem |= entry.get("entryIsPersonal").asText().equals("Y");
                splitAllocation |= entry.get("allocation").size() > 1;
                for (JsonNode allocation : entry.get("allocation")) {
                    tax |= !allocation.get("tax").isEmpty();
                    if (!allocation.get("allocationCustom2Code").isNull()) {
                        costCenters.add(allocation.get("allocationCustom2Code").asText());
                    }
                    allocation.get("journal").forEach(j -> payees.add(j.get("journalPayee").asText()));
                }
            }
        }

        // then the documented variety is there
        assertThat(payees).contains("EMPL", "COPD", "CBCP", "IBCP");
        assertThat(currencies.size()).isGreaterThanOrEqualTo(4);
        assertThat(costCenters).containsAnyOf("CC100", "CC200", "CC300", "CC400", "CC900").hasSizeGreaterThan(2);
        assertThat(List.of(tax, splitAllocation, cashAdvance, personalCardItem, itemisedHotel)).containsOnly(true);
    }

    @Test
    void expenseReportHasThePublishedFieldNames() {
        // given the published getting-started expense document
        JsonNode sample = ConcurFis.Samples.json("fis-expense-report-document.json");
        JsonNode generated = new ConcurDocumentGenerator(5).expenseReport(3);

        // then the generated document uses the same sections and the sample's entry, journal and report field names
        assertThat(fieldNames(generated)).containsExactlyInAnyOrderElementsOf(fieldNames(sample));
        assertThat(fieldNames(generated.get("expenseEntry").get(0)))
                .containsAll(fieldNames(sample.get("expenseEntry").get(0)));
        assertThat(fieldNames(generated.get("report"))).containsAll(fieldNames(sample.get("report")));
        JsonNode sampleJournal = sample.get("expenseEntry").get(0).get("allocation").get(0).get("journal").get(0);
        assertThat(fieldNames(generated.get("expenseEntry").get(0).get("allocation").get(0).get("journal").get(0)))
                .containsExactlyInAnyOrderElementsOf(fieldNames(sampleJournal));
    }

    @Test
    void invoiceBalancesAndKeepsThePublishedQuirks() {
        for (long seed = 1; seed <= 20; seed++) {
            // given a generated invoice
            JsonNode invoice = new ConcurDocumentGenerator(seed).invoice(1 + (int) (seed % 6));
            JsonNode header = invoice.get("requestHeader");

            // then the allocations' journals add up to the header totals
            BigDecimal gross = BigDecimal.ZERO;
            BigDecimal net = BigDecimal.ZERO;
            for (JsonNode line : invoice.get("lineItem")) {
                assertThat(line.get("expenseTypeCode").asText()).hasSize(7).endsWith(" ");
                int percent = 0;
                for (JsonNode allocation : line.get("allocation")) {
                    assertThat(allocation.get("journal").isObject()).isTrue();
                    gross = gross.add(allocation.get("journal").get("amountGross").decimalValue());
                    net = net.add(allocation.get("journal").get("amountNet").decimalValue());
                    percent += allocation.get("allocationPercentage").intValue();
                }
                assertThat(percent).isEqualTo(100);
            }
            assertThat(invoice.get("lineItem")).hasSize(1 + (int) (seed % 6));
            assertThat(header.get("requestTotal").decimalValue()).isEqualByComparingTo(gross);
            assertThat(header.get("amountNetInvoice").decimalValue()).isEqualByComparingTo(net);
            assertThat(header.get("requestTotal").decimalValue()).isEqualByComparingTo(
                    net.add(header.get("amountTax").decimalValue()).add(header.get("amountShippingTotal").decimalValue()));
            assertThat(header.get("invoiceDate").asText()).matches("\\d{2}/\\d{2}/\\d{4}");
        }
    }

    private static void assertEntryBalances(JsonNode entry) {
        BigDecimal journals = BigDecimal.ZERO;
        int percent = 0;
        boolean personal = entry.get("entryIsPersonal").asText().equals("Y");
        for (JsonNode allocation : entry.get("allocation")) {
            percent += allocation.get("allocationPercentage").asInt();
            BigDecimal taxes = BigDecimal.ZERO;
            for (JsonNode tax : allocation.get("tax")) {
                taxes = taxes.add(tax.get("amountTax").decimalValue());
            }
            BigDecimal journalTax = BigDecimal.ZERO;
            for (JsonNode journal : allocation.get("journal")) {
                journals = journals.add(journal.get("amountGross").decimalValue());
                journalTax = journalTax.add(journal.get("amountGross").decimalValue()
                        .subtract(journal.get("amountNetOfTax").decimalValue()));
            }
            assertThat(journalTax).isEqualByComparingTo(taxes);
        }
        assertThat(journals).isEqualByComparingTo(entry.get("entryApprovedAmount").decimalValue());
        assertThat(percent).isEqualTo(personal ? 0 : 100);
        BigDecimal converted = entry.get("reportEntryTransactionAmount").decimalValue()
                .multiply(entry.get("entryExchangeRate").decimalValue());
        if (!personal) {
            assertThat(converted.setScale(2, java.math.RoundingMode.HALF_UP))
                    .isEqualByComparingTo(entry.get("entryApprovedAmount").decimalValue());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void generatedDocumentsAreDistinctWithinOneSeed() {
        // given one generator, then successive reports get different report ids
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(8);
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 20).forEach(i -> ids.add(generator.expenseReport(2).get("report").get("reportId").asText()));
        assertThat(ids).hasSize(20);
    }
}
