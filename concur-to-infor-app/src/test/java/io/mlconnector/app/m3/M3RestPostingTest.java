package io.mlconnector.app.m3;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.Payable;
import io.mlconnector.app.posting.PayableLine;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.sandbox.infor.M3Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code infor.posting-mode=M3_REST} end to end: Concur sandbox → app (H2) → M3 APS450MI in the Infor sandbox. */
class M3RestPostingTest {
    /** Two published samples carry ids longer than M3's 10-character SUNO; a customer maps them to M3 suppliers. */
    static final String M3_SUPPLIER_MAPPING = Mapping.defaultMappingText().replace("""
            payable:
              expenseSupplierId: employee.employeeId
              invoiceSupplierId: vendor.vendorCode
            """, """
            payable:
              expenseSupplierId: "employee.employeeId = 'tuan@dstaabfi-pro.com' ? 'E4711' : employee.employeeId"
              invoiceSupplierId: "vendor.vendorCode = '94F538F2C3224C6E871CFED9F0F8333A' ? 'V2001' : vendor.vendorCode"
            """);

    @TempDir
    Path dir;

    @Test
    void publishedSamplesPostAsM3SupplierInvoicesWhoseCostLinesAreTheDocumentsJournal() {
        assertThat(M3_SUPPLIER_MAPPING).contains("E4711");
        try (M3Harness h = new M3Harness(dir, M3_SUPPLIER_MAPPING, Map.of()).start()) {
            // given every published FIS sample, approved in Concur
            List<String> docIds = h.concur.fis().seedPublishedSamples();

            // when the app posts them in M3 REST mode
            h.approveAndAwaitConfirmations(docIds);

            // then each is one M3 supplier invoice carrying the document's journal as cost lines, confirmed once
            for (String docId : docIds) {
                Payable payable = h.mapped(docId).payable().orElseThrow();
                String sino = expectedSupplierInvoiceNumber(payable.invoiceNumber());
                List<M3Sandbox.SupplierInvoice> invoices = h.infor.m3().invoicesBySupplierInvoice(
                        payable.supplierId(), payable.supplierId(), sino);
                assertThat(invoices).as(docId).hasSize(1);
                M3Sandbox.SupplierInvoice invoice = invoices.get(0);
                assertThat(invoice.division()).isEqualTo(h.mapped(docId).accountingEntity());
                assertThat(invoice.currency()).isEqualTo(h.mapped(docId).currency());
                assertThat(invoice.foreignCurrencyAmount()).isEqualByComparingTo(payable.amount());
                assertThat(invoice.lines()).allSatisfy(l -> assertThat(l.lineType()).isEqualTo(8));
                assertThat(costLines(invoice)).as(docId).isEqualTo(journalCostLines(h.mapped(docId)));

                List<JsonNode> confirmations = h.concur.fis().postingConfirmations(docId);
                assertThat(confirmations).as(docId).hasSize(1);
                assertThat(confirmations.get(0).path("overallPostingStatusCode").asText()).isEqualTo("success");
                assertThat(confirmations.get(0).path("postingDocs").get(0).path("documentNumber").asText())
                        .isEqualTo(sino);

                List<LedgerEntry> ledger = h.store.ledger().forDocument(docId);
                assertThat(ledger).as(docId).hasSize(1);
                assertThat(ledger.get(0).plan().kind()).isEqualTo(PostingKind.AP);
                assertThat(ledger.get(0).state()).isEqualTo(ChunkState.ERP_CONFIRMED);
                assertThat(ledger.get(0).inforReference()).isEqualTo(invoice.invoiceBatchNumber());
            }
            assertThat(h.infor.m3().invoices()).hasSize(docIds.size());
            assertThat(h.infor.messages()).as("nothing goes through ION in M3 REST mode").isEmpty();
        }
    }

    @Test
    void documentOwingNobodyIsRefusedInM3ModeAndNothingReachesM3() {
        try (M3Harness h = new M3Harness(dir, Map.of()).start()) {
            // given an expense report whose every expense is on a company-billed card (nothing owed to anyone)
            // (a published report without cash advances: an applied advance would still leave something owed)
            String docId = h.concur.fis().seedPublishedSamples().stream()
                    .filter(id -> h.concur.fis().document(id).has("report"))
                    .map(id -> h.concur.fis().add("expense", onCompanyCard(h.concur.fis().document(id))))
                    .filter(id -> h.mapped(id).payable().isEmpty()).findFirst().orElseThrow();

            // when
            h.approveAndAwaitConfirmations(List.of(docId));

            // then Concur is told why, a finance user gets an exception record, and M3 is never called to add anything
            JsonNode confirmation = h.concur.fis().postingConfirmations(docId).get(0);
            assertThat(confirmation.path("overallPostingStatusCode").asText()).isEqualTo("error");
            assertThat(confirmation.path("systemMessages").toString()).contains("no M3 supplier invoice to post");
            assertThat(h.store.exceptions().forDocument(docId)).extracting(r -> r.reason())
                    .containsExactly("no-payable-for-m3");
            assertThat(h.infor.m3().executedTransactions()).noneMatch(t -> t.startsWith("APS450MI/"));
            assertThat(h.store.ledger().forDocument(docId)).isEmpty();
        }
    }

    @Test
    void supplierIdLongerThanM3sSupplierNumberIsRefusedBeforeAnythingReachesM3() {
        try (M3Harness h = new M3Harness(dir, Map.of()).start()) {
            // given the published invoice sample, whose vendor code has 32 characters, with the default mapping
            List<String> docIds = h.concur.fis().seedPublishedSamples();
            String docId = docIds.stream().filter(id -> h.mapped(id).payable().orElseThrow().supplierId().length() > 10)
                    .findFirst().orElseThrow();

            // when
            h.approveAndAwaitConfirmations(List.of(docId));

            // then
            JsonNode confirmation = h.concur.fis().postingConfirmations(docId).get(0);
            assertThat(confirmation.path("overallPostingStatusCode").asText()).isEqualTo("error");
            assertThat(confirmation.path("systemMessages").toString())
                    .contains(h.mapped(docId).payable().orElseThrow().supplierId()).contains("(SUNO)");
            assertThat(h.infor.m3().executedTransactions()).noneMatch(t -> t.startsWith("APS450MI/"));
        }
    }

    /**
     * The same report under a new report id (FIS finds documents by it), with every journal row paid by the company
     * to a company-billed card (COMP/CBCP).
     */
    static JsonNode onCompanyCard(JsonNode document) {
        JsonNode copy = document.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("report")).put("reportId",
                "CARD" + document.path("report").path("reportId").asText());
        List<com.fasterxml.jackson.databind.node.ObjectNode> rows = new ArrayList<>();
        copy.findParents("journalPayee").forEach(n -> rows.add((com.fasterxml.jackson.databind.node.ObjectNode) n));
        rows.forEach(row -> {
            row.put("journalPayer", "COMP");
            row.put("journalPayee", "CBCP");
        });
        return copy;
    }

    /** SINO rule of README-posting.md: the invoice number, or 16 characters + '-' + 7 hex digits when over 24. */
    static String expectedSupplierInvoiceNumber(String invoiceNumber) {
        if (invoiceNumber.length() <= 24) {
            return invoiceNumber;
        }
        return invoiceNumber.substring(0, 16) + "-" + sha256Hex(invoiceNumber).substring(0, 7).toUpperCase();
    }

    /** What M3 recorded: GL account (AIT1) / cost center (AIT2) → amount. */
    static Map<String, BigDecimal> costLines(M3Sandbox.SupplierInvoice invoice) {
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        invoice.lines().forEach(l -> lines.merge(l.glAccount() + "/" + l.costCenter(), l.amount(), BigDecimal::add));
        return normalised(lines);
    }

    /**
     * The document's journal without the payable lines (the supplier invoice itself credits what is owed), summed per
     * GL account and cost center, debit positive: what the invoice's cost lines must book.
     */
    static Map<String, BigDecimal> journalCostLines(AccountingDocument document) {
        Set<String> payableAccounts = document.payable().orElseThrow().lines().stream().map(PayableLine::glAccount)
                .collect(Collectors.toSet());
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        for (GlLine line : document.glLines()) {
            if (!payableAccounts.contains(line.glAccount())) {
                lines.merge(line.glAccount() + "/" + line.costCenter(), line.signedAmount(), BigDecimal::add);
            }
        }
        return normalised(lines);
    }

    private static Map<String, BigDecimal> normalised(Map<String, BigDecimal> lines) {
        Map<String, BigDecimal> result = new java.util.TreeMap<>();
        lines.forEach((k, v) -> {
            if (v.signum() != 0) {
                result.put(k, v.stripTrailingZeros());
            }
        });
        return result;
    }

    static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
