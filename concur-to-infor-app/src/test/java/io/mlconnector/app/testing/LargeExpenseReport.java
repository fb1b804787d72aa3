package io.mlconnector.app.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.mapping.FisDocument;

import java.math.BigDecimal;
import java.util.Random;

/**
 * A FIS expense report shaped like the published use cases (concur-api.md §4.8) with as many entries as asked:
 * mixed expense types and cost objects, every fifth entry split over two allocations, every seventh with reclaimable
 * VAT, every third on the company-billed card. Deterministic per seed.
 */
public final class LargeExpenseReport {
    private static final String[] TYPES = {"LODNG", "BRKFT", "TAXIX", "CARRT", "DINNR", "AIRFR", "PARKG", "LODTX"};
    private static final String[] COST_OBJECTS = {"21-KING", "21-BELLEV1", "11-KING", "1000"};

    private LargeExpenseReport() {
    }

    public static FisDocument generate(String fisDocumentId, int entries, long seed) {
        Random random = new Random(seed);
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        ObjectNode doc = f.objectNode();
        doc.putObject("employee").put("employeeId", "1017001").put("employeeFirstName", "Dp1")
                .put("employeeLastName", "CTE").put("employeeOrgUnit4Code", "21-BELLEV1");
        ObjectNode report = doc.putObject("report").put("reportId", "LARGE" + seed).put("reportName", "Large report")
                .put("ledgerCode", "DEFAULT").put("employeeCurrencyAlphaCode", "USD")
                .put("reportSubmitDate", "2026-11-27T10:00:00.000Z");
        ArrayNode entryArray = doc.putArray("expenseEntry");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < entries; i++) {
            String entryId = String.format("E%031d", i);
            ObjectNode entry = entryArray.addObject().put("entryId", entryId)
                    .put("expenseTypeCode", TYPES[i % TYPES.length]).put("expenseTypeName", TYPES[i % TYPES.length])
                    .put("entryVendorDescription", "Vendor " + (i % 97));
            String payee = i % 3 == 0 ? "CBCP" : "EMPL";
            ArrayNode allocations = entry.putArray("allocation");
            int allocationCount = i % 5 == 0 ? 2 : 1;
            for (int a = 0; a < allocationCount; a++) {
                BigDecimal gross = BigDecimal.valueOf(1_000 + random.nextInt(50_000), 2);
                total = total.add(gross);
                ObjectNode allocation = allocations.addObject()
                        .put("allocationId", String.format("A%027d%04d", i, a))
                        .put("allocationCustom4Code", COST_OBJECTS[(i + a) % COST_OBJECTS.length]);
                ObjectNode journal = allocation.putArray("journal").addObject()
                        .put("journalAccountCode", "474230").put("journalPayer", "COMP").put("journalPayee", payee)
                        .put("amountGross", gross);
                ArrayNode taxes = allocation.putArray("tax");
                if (i % 7 == 0) {
                    BigDecimal vat = gross.multiply(new BigDecimal("0.16")).setScale(2, java.math.RoundingMode.HALF_UP);
                    String guid = String.format("T%031d", i * 10 + a);
                    journal.put("amountNetOfReclaim", gross.subtract(vat));
                    journal.putArray("taxGuid").add(guid);
                    taxes.addObject().put("taxGuid", guid).put("taxAuthorityLabel", "DEVAT").put("amountReclaim", vat);
                } else {
                    journal.put("amountNetOfReclaim", gross);
                }
            }
        }
        report.put("totalApprovedAmount", total);
        return FisDocument.of(fisDocumentId, "expense", doc);
    }
}
