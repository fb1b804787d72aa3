package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** What a FIS financial document says it is worth, read straight from Concur's JSON (concur-api.md §4.8–4.10). */
final class FisDocuments {
    private FisDocuments() {
    }

    /** Σ of the document's journal rows: amountGross per allocation journal, or the signed cash advance journalData. */
    static BigDecimal journalTotal(String docType, JsonNode doc) {
        BigDecimal total = BigDecimal.ZERO;
        switch (docType) {
            case "expense" -> {
                for (JsonNode entry : doc.path("expenseEntry")) {
                    for (JsonNode allocation : entry.path("allocation")) {
                        for (JsonNode journal : allocation.path("journal")) {
                            total = total.add(journal.path("amountGross").decimalValue());
                        }
                    }
                }
            }
            case "invoice" -> {
                for (JsonNode line : doc.path("lineItem")) {
                    for (JsonNode allocation : line.path("allocation")) {
                        total = total.add(allocation.path("journal").path("amountGross").decimalValue());
                    }
                }
            }
            case "cashadvance" -> {
                for (JsonNode journal : doc.path("journalData")) {
                    BigDecimal amount = journal.path("amount").decimalValue();
                    total = total.add("CR".equals(journal.path("debitOrCredit").asText()) ? amount.negate() : amount);
                }
            }
            default -> throw new IllegalArgumentException("no journal rows known for docType " + docType);
        }
        return total;
    }

    /** The FIS docType a document's shape shows (expense reports have expenseEntry, invoices lineItem). */
    static String docType(JsonNode doc) {
        if (doc.has("expenseEntry")) {
            return "expense";
        }
        return doc.has("lineItem") ? "invoice" : "cashadvance";
    }

    static String currency(String docType, JsonNode doc) {
        return switch (docType) {
            case "expense" -> doc.path("report").path("employeeCurrencyAlphaCode").asText();
            case "invoice" -> doc.path("requestHeader").path("currencyAlphaCode").asText();
            default -> doc.path("cashAdvanceData").path("currencyAlphaCode").asText();
        };
    }
}
