package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurFisTest {
    private static ConcurSandbox sandbox;
    private static String company;
    private static final ConcurDocumentGenerator GENERATOR = new ConcurDocumentGenerator(42);

    @BeforeAll
    static void start() {
        sandbox = ConcurSandbox.start();
        company = Http.companyToken(sandbox).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static URI fis(String docType, String suffix) {
        return sandbox.dataCentreUri().resolve(ConcurFis.BASE + docType + "/transactions" + suffix);
    }

    private static String readyExpense() {
        String docId = sandbox.fis().add("expense", GENERATOR.expenseReport(3));
        sandbox.fis().approve(docId);
        return docId;
    }

    private static JsonNode acknowledge(String docType, String... ids) {
        ObjectNode body = SimServer.JSON.createObjectNode().put("systemId", "INFOR-LN");
        ArrayNode array = body.putArray("ids");
        for (String id : ids) {
            array.add(id);
        }
        Http.Answer answer = Http.send("POST", fis(docType, "/acknowledgements"), company, body.toString());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode confirm(String docType, String docId, String status, boolean withPostingDoc) {
        ObjectNode body = SimServer.JSON.createObjectNode().put("systemId", "INFOR-LN");
        ObjectNode item = body.putArray("postingConfirmations").addObject();
        item.put("docId", docId).put("overallPostingStatusCode", status);
        ArrayNode docs = item.putArray("postingDocs");
        if (withPostingDoc) {
            docs.addObject().put("companyId", "100").put("documentNumber", "GL-1").put("fiscalYear", "2026")
                    .put("postingDate", "2026-03-02").putArray("paymentRelevantLineItems");
        }
        ArrayNode messages = item.putArray("systemMessages");
        if (status.equals("error")) {
            messages.addObject().put("concurTransactionLineItemId", "").put("messageId", "003-CC")
                    .put("messageLanguage", "EN").put("messageShortText", "Cost center CC999 does not exist")
                    .put("messageLongText", "");
        }
        return Http.send("POST", fis(docType, "/postingconfirmations"), company, body.toString()).json();
    }

    @Test
    void readyDocumentIsFetchedByTheEventHrefAndAcknowledgedOnce() {
        // given an approved expense report
        String docId = readyExpense();
        String businessId = sandbox.fis().businessId(docId);

        // when the connector GETs by docId and acknowledges twice
        JsonNode page = Http.get(fis("expense", "?docId=" + businessId), company).json();
        JsonNode first = acknowledge("expense", docId);
        JsonNode second = acknowledge("expense", docId);

        // then the first succeeds (0) and the repeat answers 101
        assertThat(page.get("content")).singleElement().satisfies(item -> {
            assertThat(item.get("id").asText()).isEqualTo(docId);
            assertThat(item.get("docStatus").asText()).isEqualTo("READY");
            assertThat(item.get("document").get("report").get("reportId").asText()).isEqualTo(businessId);
        });
        assertThat(first.get(0).get("code").asInt()).isZero();
        assertThat(first.get(0).get("acknowledgeResult").asText()).isEqualTo("SUCCESS");
        assertThat(second.get(0).get("code").asInt()).isEqualTo(101);
        assertThat(second.get(0).get("errorMessage").asText()).contains("previously acknowledged by SystemId: INFOR-LN");
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.ACKNOWLEDGED);
        assertThat(sandbox.fis().acknowledgements(docId)).hasSize(2);
    }

    @Test
    void acknowledgedDocumentIsHiddenUnlessIgnoreDocumentStatus() {
        // given an acknowledged document
        String docId = readyExpense();
        acknowledge("expense", docId);
        String businessId = sandbox.fis().businessId(docId);

        // when it is read with and without ignoreDocumentStatus
        JsonNode hidden = Http.get(fis("expense", "?docId=" + businessId), company).json();
        JsonNode shown = Http.get(fis("expense", "?docId=" + businessId + "&ignoreDocumentStatus=yes"), company).json();

        // then only the re-read with ignoreDocumentStatus=yes sees it
        assertThat(hidden.get("content")).isEmpty();
        assertThat(shown.get("content").get(0).get("docStatus").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(shown.get("content").get(0).get("erpSystemId").asText()).isEqualTo("INFOR-LN");
    }

    @Test
    void successfulPostingConfirmationPostsAndARepeatAnswers113() {
        // given an acknowledged document
        String docId = readyExpense();
        acknowledge("expense", docId);

        // when the posting is confirmed twice
        JsonNode first = confirm("expense", docId, "success", true);
        JsonNode repeat = confirm("expense", docId, "success", true);

        // then the document is POSTED once, the repeat answers 113, and Concur recorded both items
        assertThat(first.get(0).get("code").asInt()).isZero();
        assertThat(first.get(0).get("postingConfirmationResult").asText()).isEqualTo("SUCCESS");
        assertThat(repeat.get(0).get("code").asInt()).isEqualTo(113);
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.POSTED);
        assertThat(sandbox.fis().postingConfirmations(docId)).hasSize(2)
                .allSatisfy(item -> assertThat(item.get("postingDocs").get(0).get("documentNumber").asText())
                        .isEqualTo("GL-1"));
    }

    @Test
    void successWithoutPostingDocsIsRejected() {
        // given an acknowledged document
        String docId = readyExpense();
        acknowledge("expense", docId);

        // when success is confirmed with an empty postingDocs
        // (https://github.com/SAP-docs/preview.developer.concur.com/issues/931)
        JsonNode answer = confirm("expense", docId, "success", false);

        // then the item fails and the document stays acknowledged
        assertThat(answer.get(0).get("code").asInt()).isEqualTo(198);
        assertThat(answer.get(0).get("errorMessage").asText()).contains("postingDocs");
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.ACKNOWLEDGED);
    }

    @Test
    void errorConfirmationWithSystemMessagesFailsTheDocument() {
        // given an acknowledged document
        String docId = readyExpense();
        acknowledge("expense", docId);

        // when the ERP posting failed
        JsonNode answer = confirm("expense", docId, "error", false);

        // then Concur records the failure with its messages
        assertThat(answer.get(0).get("code").asInt()).isZero();
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.FAILED);
        assertThat(sandbox.fis().postingConfirmations(docId).get(0).get("systemMessages").get(0)
                .get("messageShortText").asText()).contains("CC999");
    }

    @Test
    void recalledDocumentAnswers102OnAcknowledgementAndCannotBePosted() {
        // given a document recalled before acknowledgement
        String docId = readyExpense();
        sandbox.fis().recall(docId);

        // when the connector acknowledges and confirms it
        JsonNode ack = acknowledge("expense", docId);
        JsonNode posting = confirm("expense", docId, "success", true);

        // then 102 and 112, and it stays recalled
        assertThat(ack.get(0).get("code").asInt()).isEqualTo(102);
        assertThat(ack.get(0).get("acknowledgeResult").asText()).isEqualTo("FAILURE");
        assertThat(posting.get(0).get("code").asInt()).isEqualTo(112);
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.RECALLED);
    }

    @Test
    void acknowledgedDocumentCannotBeRecalled() {
        // given an acknowledged document
        String docId = readyExpense();
        acknowledge("expense", docId);

        // when the processor tries to recall it, then it is refused
        assertThatThrownBy(() -> sandbox.fis().recall(docId)).isInstanceOf(IllegalStateException.class);
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.ACKNOWLEDGED);
    }

    @Test
    void postingBeforeAcknowledgementAnswers111AndUnknownDocuments104And116() {
        // given a ready document never acknowledged
        String docId = readyExpense();

        // when it is confirmed, and unknown ids are acknowledged and confirmed
        JsonNode early = confirm("expense", docId, "success", true);
        JsonNode unknownAck = acknowledge("expense", "0123456789abcdef0123456789abcdef");
        JsonNode unknownPosting = confirm("expense", "0123456789abcdef0123456789abcdef", "success", true);

        // then the documented codes
        assertThat(early.get(0).get("code").asInt()).isEqualTo(111);
        assertThat(early.get(0).get("postingConfirmationResult").asText()).isEqualTo("NOT_YET_ACKNOWLEDGED");
        assertThat(unknownAck.get(0).get("code").asInt()).isEqualTo(104);
        assertThat(unknownPosting.get(0).get("code").asInt()).isEqualTo(116);
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.READY);
    }

    @Test
    void confirmationFromAnotherSystemIdAnswers99() {
        // given a document acknowledged by INFOR-LN
        String docId = readyExpense();
        acknowledge("expense", docId);

        // when another system confirms it
        ObjectNode body = SimServer.JSON.createObjectNode().put("systemId", "OTHER-ERP");
        body.putArray("postingConfirmations").addObject().put("docId", docId).put("overallPostingStatusCode", "success")
                .putArray("postingDocs").addObject().put("companyId", "100");
        JsonNode answer = Http.send("POST", fis("expense", "/postingconfirmations"), company, body.toString()).json();

        // then 99 and the document stays acknowledged
        assertThat(answer.get(0).get("code").asInt()).isEqualTo(99);
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.ACKNOWLEDGED);
    }

    @Test
    void documentNotYetApprovedIsInvisibleAndAnswers103() {
        // given a document added but not final-approved
        String docId = sandbox.fis().add("expense", GENERATOR.expenseReport(1));
        String businessId = sandbox.fis().businessId(docId);

        // when the connector reads and acknowledges it
        JsonNode page = Http.get(fis("expense", "?docId=" + businessId + "&ignoreDocumentStatus=yes"), company).json();
        JsonNode ack = acknowledge("expense", docId);

        // then it is not in FIS yet
        assertThat(page.get("content")).isEmpty();
        assertThat(ack.get(0).get("code").asInt()).isEqualTo(103);
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.PENDING_APPROVAL);
    }

    @Test
    void acknowledgementWithTheWrongDocTypeAnswers105() {
        // given a ready expense document
        String docId = readyExpense();

        // when it is acknowledged as an invoice, then 105
        assertThat(acknowledge("invoice", docId).get(0).get("code").asInt()).isEqualTo(105);
        assertThat(sandbox.fis().state(docId)).isEqualTo(FisState.READY);
    }

    @Test
    void paymentConfirmationIsRecordedOnceAndARepeatedPaymentRefAnswers298() {
        // given a posted expense document
        String docId = readyExpense();
        acknowledge("expense", docId);
        confirm("expense", docId, "success", true);

        // when the payment is confirmed twice with the same paymentRef
        JsonNode first = confirmPayment("expense", docId, "US01/1/2026/" + docId);
        JsonNode repeat = confirmPayment("expense", docId, "US01/1/2026/" + docId);

        // then 0 SUCCESS, then 298 NOOP; both items recorded
        assertThat(first.get(0).get("code").asInt()).isZero();
        assertThat(repeat.get(0).get("code").asInt()).isEqualTo(298);
        assertThat(repeat.get(0).get("paymentConfirmationResult").asText()).isEqualTo("NOOP");
        assertThat(sandbox.fis().paymentConfirmations(docId)).hasSize(2);
    }

    @Test
    void paymentConfirmationIsForExpenseOnly() {
        // given a posted invoice
        String docId = sandbox.fis().add("invoice", GENERATOR.invoice(2));
        sandbox.fis().approve(docId);
        acknowledge("invoice", docId);
        confirm("invoice", docId, "success", true);

        // when its payment is confirmed, then it is refused
        assertThat(confirmPayment("invoice", docId, "INV/" + docId).get(0).get("code").asInt()).isNotZero();
    }

    @Test
    void getPagesReadyDocumentsWithContentPageAndLinks() {
        // given five ready cash advances
        ConcurSandbox own = ConcurSandbox.start();
        try {
            String token = Http.companyToken(own).get("access_token").asText();
            for (int i = 0; i < 5; i++) {
                ObjectNode doc = (ObjectNode) ConcurFis.Samples.json("fis-cash-advance-document.json");
                doc.with("cashAdvanceData").put("cashAdvanceId", "CA" + i);
                own.fis().approve(own.fis().add("cashadvance", doc));
            }
            URI first = own.dataCentreUri().resolve(ConcurFis.BASE + "cashadvance/transactions?limit=2");

            // when the connector follows the next links
            JsonNode page0 = Http.get(first, token).json();
            URI next = URI.create(link(page0, "next"));
            JsonNode page1 = Http.get(next, token).json();
            JsonNode page2 = Http.get(URI.create(link(page1, "next")), token).json();

            // then 2 + 2 + 1 documents, the page numbers and no next link on the last page
            assertThat(page0.get("page").get("totalElements").asInt()).isEqualTo(5);
            assertThat(page0.get("page").get("totalPages").asInt()).isEqualTo(3);
            assertThat(page0.get("content")).hasSize(2);
            assertThat(page1.get("page").get("number").asInt()).isEqualTo(1);
            assertThat(page2.get("content")).hasSize(1);
            assertThat(link(page2, "next")).isNull();
        } finally {
            own.close();
        }
    }

    @Test
    void seedPublishedSamplesServesEveryPublishedDocumentAsReady() {
        // when the published samples are seeded
        List<String> ids = sandbox.fis().seedPublishedSamples();

        // then all nine are ready, the use cases keep their published ids
        assertThat(ids).hasSize(ConcurFis.PUBLISHED_DOCUMENTS.size())
                .contains("2aaff6d927a84156b5b2de638f163eb3", "a26a8b1c20a74d608128aaa2a75648d2");
        assertThat(ids).allSatisfy(id -> assertThat(sandbox.fis().state(id)).isEqualTo(FisState.READY));
        JsonNode invoice = Http.get(fis("invoice", "?docId=9B1D30723CBF4F86A574"), company).json();
        assertThat(invoice.get("content").get(0).get("document").get("lineItem").get(0).get("expenseTypeCode").asText())
                .isEqualTo("2000   ");
        assertThat(sandbox.fis().seedPublishedSamples()).isEqualTo(ids);
    }

    @Test
    void documentFormatAsTextServesTheDocumentAsAString() throws Exception {
        // given a ready document
        String docId = readyExpense();
        String businessId = sandbox.fis().businessId(docId);

        // when it is read with DocumentFormatAs: text
        Http.Answer answer = Http.send(java.net.http.HttpRequest.newBuilder(fis("expense", "?docId=" + businessId))
                .header("Authorization", "Bearer " + company).header("DocumentFormatAs", "text").GET().build());

        // then the document is a JSON string holding the same document
        JsonNode document = answer.json().get("content").get(0).get("document");
        assertThat(document.isTextual()).isTrue();
        assertThat(document.asText()).isEqualTo(SimServer.JSON.writeValueAsString(sandbox.fis().document(docId)));
    }

    private static JsonNode confirmPayment(String docType, String docId, String paymentRef) {
        ObjectNode body = SimServer.JSON.createObjectNode().put("systemId", "INFOR-LN");
        ObjectNode item = body.putArray("processingConfirmation").addObject();
        item.put("docId", docId).put("processingStatusCode", "CP");
        ObjectNode detail = item.putArray("clearingDetails").addObject();
        detail.put("clearingDate", "2026-03-05T12:00:00.000Z").put("clearingAmount", 220.00)
                .put("clearingCurrency", "USD");
        detail.putObject("clearingReference").put("companyCode", "100").put("financialDocumentId", "667799")
                .put("fiscalYear", "2026").put("paymentRef", paymentRef).put("paymentMethod", "E");
        return Http.send("POST", fis(docType, "/paymentconfirmations"), company, body.toString()).json();
    }

    private static String link(JsonNode page, String rel) {
        for (JsonNode link : page.get("links")) {
            if (link.get("rel").asText().equals(rel)) {
                return link.get("href").asText();
            }
        }
        return null;
    }
}
