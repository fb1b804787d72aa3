package io.mlconnector.concur.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.concur.api.FisDocumentPage;
import io.mlconnector.concur.api.FisJournalLine;
import io.mlconnector.concur.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FisParserTest {

    /** Every published FIS document sample: the bare documents and the use-case responses. */
    static Stream<String> documentSamples() {
        return Stream.concat(Samples.named("fis-").filter(n -> n.endsWith("-document.json")),
                Samples.named("fis-expense-use-case-"));
    }

    private static final Map<String, String> TOTAL_POINTER = Map.of(
            "expense", "/report/totalApprovedAmount",
            "invoice", "/requestHeader/requestTotal",
            "cashadvance", "/cashAdvanceData/requestAmount");

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentSamples")
    void everyPublishedFisSampleParsesWithTotalsEqualToTheJsonAmounts(String sample) {
        // given
        JsonNode raw = Samples.json(sample);
        List<JsonNode> rawDocuments = raw.has("fIDocuments") ? raw.findValues("document") : List.of(raw);

        // when
        FisDocumentPage page = FisParser.page(raw, null);

        // then
        assertThat(page.documents()).hasSameSizeAs(rawDocuments);
        for (int i = 0; i < rawDocuments.size(); i++) {
            FisDocument doc = page.documents().get(i);
            JsonNode rawDoc = rawDocuments.get(i);
            assertThat(doc.docType()).isIn("expense", "invoice", "cashadvance");
            JsonNode rawTotal = rawDoc.at(TOTAL_POINTER.get(doc.docType()));
            if (rawTotal.isMissingNode()) { // use case 1.1 publishes no totalApprovedAmount
                assertThat(doc.totalAmount()).isNull();
            } else {
                assertThat(doc.totalAmount()).isEqualByComparingTo(new BigDecimal(rawTotal.asText()));
            }
            List<JsonNode> rawLines = journalRows(rawDoc);
            assertThat(doc.journalLines()).hasSize(rawLines.size()).isNotEmpty();
            BigDecimal expectedGross = rawLines.stream()
                    .map(j -> j.has("amountGross") ? j.get("amountGross") : j.get("amount"))
                    .filter(v -> v != null && !v.isNull()).map(v -> new BigDecimal(v.asText()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(doc.journalGrossTotal()).isEqualByComparingTo(expectedGross);
            assertThat(doc.journalLines()).allSatisfy(line -> {
                assertThat(line.accountCode()).isNotBlank();
                assertThat(line.currency()).isEqualTo(doc.currency()).isNotBlank();
            });
            assertThat(doc.businessId()).isNotBlank();
            assertThat(doc.json()).isEqualTo(rawDoc);
        }
    }

    /** Journal rows found by walking the raw tree: arrays and single objects under journal/journalData. */
    private static List<JsonNode> journalRows(JsonNode node) {
        List<JsonNode> rows = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals("journal") || e.getKey().equals("journalData")) {
                if (e.getValue().isArray()) {
                    e.getValue().forEach(rows::add);
                } else if (e.getValue().isObject()) {
                    rows.add(e.getValue());
                }
            } else if (e.getValue().isContainerNode()) {
                if (e.getValue().isArray()) {
                    e.getValue().forEach(child -> rows.addAll(journalRows(child)));
                } else {
                    rows.addAll(journalRows(e.getValue()));
                }
            }
        });
        return rows;
    }

    @Test
    void amountsKeepTheirExactDecimalsIncludingZeroInExponentNotation() {
        // given the invoice sample with "amountShippingTotal":0E-8 and "requestTotal":50.00000000
        JsonNode raw = Samples.json("fis-invoice-document.json");

        // when
        FisDocument doc = FisParser.bare(raw, null);

        // then
        assertThat(doc.json().at("/requestHeader/amountShippingTotal").decimalValue())
                .isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(doc.json().at("/requestHeader/amountShippingTotal").decimalValue().scale()).isEqualTo(8);
        assertThat(doc.totalAmount()).isEqualTo(new BigDecimal("50.00000000"));
        assertThat(doc.currency()).isEqualTo("USD");
    }

    @Test
    void invoiceJournalObjectIsOneLineAndExpenseTypeCodeIsTrimmed() {
        // given
        JsonNode raw = Samples.json("fis-invoice-document.json");

        // when
        FisJournalLine line = FisParser.bare(raw, null).journalLines().get(0);

        // then
        assertThat(raw.at("/lineItem/0/allocation/0/journal").isObject()).isTrue();
        assertThat(line.accountCode()).isEqualTo("MATER");
        assertThat(line.amountGross()).isEqualByComparingTo("50");
        assertThat(line.expenseTypeCode()).isEqualTo(raw.at("/lineItem/0/expenseTypeCode").asText().strip())
                .doesNotEndWith(" ");
    }

    @Test
    void halWrapperGivesDocumentsPagingAndNextLink() {
        // given the reference GET sample: content/page/links, document is a placeholder string
        JsonNode raw = Samples.json("fis-get-transactions-response.json");

        // when
        FisDocumentPage page = FisParser.page(raw, "expense");

        // then
        assertThat(page.documents()).extracting(FisDocument::id).containsExactly(
                "e7f810cabc8348cdb051dd9431c8cfbb", "e1500222f16748718fdd2d493ee4c9dd",
                "e2135678f16748718fdd2d493ee4c9dd");
        assertThat(page.documents()).extracting(FisDocument::docStatus).containsOnly("READY");
        assertThat(page.pageNumber()).isZero();
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.totalElements()).isEqualTo(8L);
        assertThat(page.nextPage()).endsWith("page=1&size=3");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.documents().get(0).json().isTextual()).isTrue();
        assertThat(page.documents().get(0).journalLines()).isEmpty();
    }

    @Test
    void olderFiDocumentsWrapperGivesTheFisDocumentId() {
        // given
        JsonNode raw = Samples.json("fis-expense-use-case-1.1-simple-out-of-pocket-cash.json");

        // when
        FisDocumentPage page = FisParser.page(raw, null);

        // then
        assertThat(page.documents()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(raw.at("/fIDocuments/0/id").asText());
            assertThat(d.docType()).isEqualTo("expense");
            assertThat(d.companyId()).isEqualTo("192544");
            assertThat(d.revisionNumber()).isEqualTo("1");
        });
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void storedDocumentReadsBackWithTheSameTotals() {
        // given a document as the app would store it: its envelope item
        FisDocument fetched = FisParser.page(Samples.json("fis-expense-use-case-4.1-multiple-cost-allocations.json"),
                null).documents().get(0);

        // when
        FisDocument again = FisDocument.read(fetched.envelope(), null);

        // then
        assertThat(again.id()).isEqualTo(fetched.id());
        assertThat(again.journalLines()).isEqualTo(fetched.journalLines());
        assertThat(again.totalAmount()).isEqualByComparingTo(fetched.totalAmount());
    }

    @Test
    void documentSentAsJsonTextIsParsedLikeAnObject() {
        // given DocumentFormatAs: text — the document arrives as a JSON string
        JsonNode document = Samples.json("fis-expense-report-document.json");
        var item = ConcurJson.MAPPER.createObjectNode().put("id", "0123456789abcdef0123456789abcdef")
                .put("docType", "expense").put("document", document.toString());
        var root = ConcurJson.MAPPER.createObjectNode();
        root.putArray("content").add(item);

        // when
        FisDocument doc = FisParser.page(root, "expense").documents().get(0);

        // then
        assertThat(doc.json()).isEqualTo(document);
        assertThat(doc.totalAmount()).isEqualByComparingTo(document.at("/report/totalApprovedAmount").decimalValue());
    }
}
