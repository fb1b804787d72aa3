package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.ErpAnswers;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.infor.internal.OAuth1;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.infor.ErpSimulator;
import io.mlconnector.sandbox.infor.ImsMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Posted" means the ERP took it: with {@code infor.confirm-after.ap=ERP_ACKNOWLEDGED} (the default) Concur hears
 * success only once the ERP's Acknowledge.SupplierInvoice, pushed by ION to the app's IMS endpoint, was stored and
 * applied; an ERP rejection is handled exactly as a refusal by ION. The sandbox's ERP answers through real HTTP,
 * signed with OAuth 1.0a as ION signs for an IMS endpoint.
 */
class ErpAnswersEndToEndTest extends EndToEndTest {
    private static final ConcurDocumentGenerator GENERATOR = new ConcurDocumentGenerator(20261206L);

    @Test
    void successIsConfirmedToConcurOnlyAfterTheErpAcknowledgedTheInvoice() throws Exception {
        start();
        harness.infor.erp().hold();
        String invoice = invoice(2);

        // when the invoice is posted and ION accepted every chunk, but the ERP has not answered yet
        harness.approve(invoice);
        harness.await().until(() -> harness.store().audit().trail(invoice).stream()
                .anyMatch(e -> e.step().equals(AuditStep.AWAITING_ERP)));
        harness.awaitQuiet();

        // then Concur has no confirmation and the invoice chunk is only ACCEPTED
        assertThat(harness.concur.fis().postingConfirmations(invoice)).isEmpty();
        assertThat(harness.concur.fis().state(invoice)).isNotEqualTo(FisState.POSTED);
        assertThat(apChunk(invoice).state()).isEqualTo(ChunkState.ACCEPTED);
        // and an operator sees the chunk awaiting the ERP
        assertThat(adminStatus().path("chunksAwaitingErp").asLong()).isEqualTo(1);

        // when the ERP acknowledges it
        harness.infor.erp().release();

        // then Concur hears success, once, and the ledger says the ERP confirmed it
        harness.awaitFisState(invoice, FisState.POSTED);
        harness.awaitQuiet();
        assertThat(harness.concur.fis().postingConfirmations(invoice)).singleElement()
                .satisfies(c -> assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("success"));
        assertThat(apChunk(invoice).state()).isEqualTo(ChunkState.ERP_CONFIRMED);
        assertThat(steps(invoice)).containsOnlyOnce(AuditStep.CHUNK_CONFIRMED_BY_ERP, AuditStep.CONFIRMATION_SENT);
        assertThat(adminStatus().path("chunksAwaitingErp").asLong()).isZero();
        // and the document, read again when the ERP's answer brought it back, was acknowledged only the first time
        assertThat(steps(invoice)).filteredOn(AuditStep.DOCUMENT_FETCHED::equals).hasSize(2);
        assertThat(harness.concur.fis().acknowledgements(invoice)).hasSize(1);
    }

    private JsonNode adminStatus() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        harness.app.adminUri().resolve("/admin/status"))
                .header("Authorization", "Bearer " + PipelineHarness.ADMIN_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    @Test
    void anErpRejectionBacksTheDocumentOutAndConfirmsTheErrorWithTheErpsReason() {
        start();
        String invoice = invoice(3);
        harness.infor.erp().answer(invoice, ErpSimulator.Answer.REJECT);

        harness.approve(invoice);

        // then Concur gets one error confirmation naming the ERP's reason
        harness.awaitFisState(invoice, FisState.FAILED);
        harness.awaitQuiet();
        JsonNode confirmation = harness.concur.fis().postingConfirmations(invoice).get(0);
        assertThat(harness.concur.fis().postingConfirmations(invoice)).hasSize(1);
        assertThat(confirmation.path("overallPostingStatusCode").asText()).isEqualTo("error");
        String reason = harness.store().ledger().forDocument(invoice).stream()
                .filter(e -> e.state() == ChunkState.ERP_REJECTED).findFirst().orElseThrow().lastError();
        assertThat(reason).containsAnyOf("PERIOD_CLOSED", "SUPPLIER_BLOCKED", "UNKNOWN_DIMENSION");
        assertThat(confirmation.toString()).contains("the ERP rejected").contains(reason);
        // and nothing stays posted: every GL chunk ION accepted is reversed, the rejected invoice is not
        List<LedgerEntry> ledger = harness.store().ledger().forDocument(invoice);
        assertThat(ledger).noneMatch(ChunkPoster::isPosted);
        assertThat(ledger).filteredOn(e -> e.plan().kind() == PostingKind.GL)
                .isNotEmpty().allSatisfy(e -> assertThat(e.state()).isEqualTo(ChunkState.REVERSED));
        assertThat(harness.messagesOf(invoice)).extracting(ImsMessage::documentId)
                .anyMatch(id -> id.endsWith("-rev"));
        assertThat(harness.store().exceptions().forDocument(invoice)).extracting(ExceptionRecord::reason)
                .contains("erp-rejected");
    }

    @Test
    void aConfirmBodWithAnErrorIsARejectionToo() {
        start();
        String invoice = invoice(1);
        harness.infor.erp().answer(invoice, ErpSimulator.Answer.CONFIRM_BOD_ERROR);

        harness.approve(invoice);

        harness.awaitFisState(invoice, FisState.FAILED);
        harness.awaitQuiet();
        assertThat(apChunk(invoice).state()).isEqualTo(ChunkState.ERP_REJECTED);
        assertThat(harness.concur.fis().postingConfirmations(invoice)).singleElement()
                .satisfies(c -> assertThat(c.toString()).contains("the ERP rejected"));
    }

    @Test
    void duplicateAndOutOfOrderAnswersAreCountedOnce() {
        start();
        harness.infor.erp().duplicateRate(1.0).delay(Duration.ofMillis(60));
        List<String> invoices = List.of(invoice(1), invoice(2), invoice(3));

        invoices.forEach(harness::approve);
        invoices.forEach(id -> harness.awaitFisState(id, FisState.POSTED));
        harness.awaitQuiet();
        // and a late, contradicting rejection of the first invoice arrives after its acknowledgement
        ImsMessage first = apMessage(invoices.get(0));
        assertThat(harness.infor.erp().pushAnswer(first, ErpSimulator.Answer.REJECT)).isEqualTo(202);
        harness.await().until(() -> harness.store().erpAnswers().countByState().get(ErpAnswers.State.NEW) == 0);
        harness.awaitQuiet();

        // then every invoice has one success confirmation and one counted ERP confirmation
        for (String invoice : invoices) {
            assertThat(harness.concur.fis().postingConfirmations(invoice)).singleElement()
                    .satisfies(c -> assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("success"));
            assertThat(steps(invoice)).containsOnlyOnce(AuditStep.CHUNK_CONFIRMED_BY_ERP);
            assertThat(apChunk(invoice).state()).isEqualTo(ChunkState.ERP_CONFIRMED);
        }
        // ION delivered every answer twice under one messageId: each was stored once
        long pushedIds = harness.infor.erp().pushes().stream().filter(p -> p.status() == 202)
                .map(ErpSimulator.Push::messageId).distinct().count();
        assertThat(harness.infor.erp().pushes().stream().filter(p -> p.status() == 202).count()).isGreaterThan(pushedIds);
        assertThat(harness.store().erpAnswers().all()).hasSize((int) pushedIds);
        assertThat(steps(invoices.get(0))).contains(AuditStep.ERP_ANSWER_REPEATED);
    }

    @Test
    void anAnswerForAnUnknownBodIdIsAuditedAndIgnored() {
        start();
        String messageId = "erp-" + UUID.randomUUID();
        String bod = "<AcknowledgeSupplierInvoice xmlns=\"http://schema.infor.com/InforOAGIS/2\"><ApplicationArea>"
                + "<BODID>infor-nid:T:100::concur-nobody-ap-1-of-1:0?SupplierInvoice&amp;verb=Acknowledge</BODID>"
                + "</ApplicationArea><DataArea><Acknowledge><ResponseCriteria><ResponseExpression actionCode="
                + "\"Accepted\"/></ResponseCriteria></Acknowledge></DataArea></AcknowledgeSupplierInvoice>";

        int status = harness.infor.erp().push("Acknowledge.SupplierInvoice", messageId,
                bod.getBytes(StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(202);
        harness.await().until(() -> harness.store().erpAnswers().countByState().get(ErpAnswers.State.UNMATCHED) == 1);
        assertThat(harness.store().audit().trail(messageId)).extracting(AuditEntry::step)
                .contains(AuditStep.ERP_ANSWER_RECEIVED, AuditStep.ERP_ANSWER_UNMATCHED);
        assertThat(harness.store().ledger().countByState().get(ChunkState.ERP_CONFIRMED)).isZero();
    }

    @Test
    void withoutAnAnswerAnExceptionIsOpenedWithoutConfirmingAndALateAnswerCompletesTheDocument() {
        start(app -> app.config("infor.erp-answer-timeout", "300ms"));
        String invoice = invoice(2);
        harness.infor.erp().answer(invoice, ErpSimulator.Answer.NOTHING);

        harness.approve(invoice);

        // then after the timeout a finance user sees "no answer from the ERP", and Concur has nothing
        harness.await().until(() -> harness.store().exceptions().forDocument(invoice).stream()
                .anyMatch(e -> e.reason().equals(ApplyErpAnswers.NO_ANSWER) && e.state() == ExceptionRecord.State.OPEN));
        harness.awaitQuiet();
        assertThat(harness.concur.fis().postingConfirmations(invoice)).isEmpty();
        assertThat(harness.app.services().store.ledger().forDocument(invoice)).isNotEmpty();

        // when the ERP answers late
        assertThat(harness.infor.erp().pushAnswer(apMessage(invoice), ErpSimulator.Answer.ACKNOWLEDGE)).isEqualTo(202);

        // then the document completes and the exception is resolved
        harness.awaitFisState(invoice, FisState.POSTED);
        harness.awaitQuiet();
        assertThat(harness.concur.fis().postingConfirmations(invoice)).hasSize(1);
        assertThat(harness.store().exceptions().forDocument(invoice))
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(ExceptionRecord.State.RESOLVED));
    }

    @Test
    void anUnauthenticatedOrWronglySignedCallIsRefusedAndNothingIsStored() throws Exception {
        start();
        URI message = URI.create(harness.app.imsUri() + "/v3/multipartMessage");
        URI ping = URI.create(harness.app.imsUri() + "/ping");
        String body = "--b\r\nContent-Disposition: form-data; name=\"ParameterRequest\"\r\n\r\n"
                + "{\"documentName\":\"Acknowledge.SupplierInvoice\",\"messageId\":\"x\"}\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"MessagePayload\"\r\n\r\n<AcknowledgeSupplierInvoice/>\r\n--b--\r\n";

        int unsigned = post(message, body, null);
        int wrongSecret = post(message, body, OAuth1.authorization("POST", message,
                harness.infor.erp().consumerKey(), "not-the-secret", Instant.now(), UUID.randomUUID().toString()));
        int pingUnsigned = get(ping, null);
        int pingSigned = get(ping, OAuth1.authorization("GET", ping, harness.infor.erp().consumerKey(),
                harness.infor.erp().consumerSecret(), Instant.now(), UUID.randomUUID().toString()));

        assertThat(unsigned).isEqualTo(401);
        assertThat(wrongSecret).isEqualTo(401);
        assertThat(pingUnsigned).isEqualTo(401);
        assertThat(pingSigned).isEqualTo(200);
        assertThat(harness.store().erpAnswers().all()).isEmpty();
    }

    @Test
    void aSignedButMalformedMessageIsRefusedAndQuarantined() throws Exception {
        start();
        URI message = URI.create(harness.app.imsUri() + "/v3/multipartMessage");
        String noPayload = "--b\r\nContent-Disposition: form-data; name=\"ParameterRequest\"\r\n\r\n"
                + "{\"documentName\":\"Acknowledge.SupplierInvoice\",\"messageId\":\"m1\"}\r\n--b--\r\n";
        String notXml = "--b\r\nContent-Disposition: form-data; name=\"ParameterRequest\"\r\n\r\n"
                + "{\"documentName\":\"Acknowledge.SupplierInvoice\",\"messageId\":\"m2\"}\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"MessagePayload\"\r\n\r\nnot a BOD\r\n--b--\r\n";

        int missing = post(message, noPayload, signed(message));
        int garbage = post(message, notXml, signed(message));

        assertThat(missing).isEqualTo(400);
        assertThat(garbage).isEqualTo(400);
        assertThat(harness.store().quarantine().count()).isEqualTo(2);
        assertThat(harness.store().quarantine().recent(2)).extracting(q -> new String(q.body(), StandardCharsets.UTF_8))
                .anyMatch(b -> b.contains("not a BOD"));
        assertThat(harness.store().erpAnswers().all()).isEmpty();
    }

    private String signed(URI uri) {
        return OAuth1.authorization("POST", uri, harness.infor.erp().consumerKey(), harness.infor.erp().consumerSecret(),
                Instant.now(), UUID.randomUUID().toString());
    }

    private static int post(URI uri, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String invoice(int lines) {
        return harness.concur.fis().add("invoice", GENERATOR.invoice(lines));
    }

    private LedgerEntry apChunk(String fisDocumentId) {
        return harness.store().ledger().forDocument(fisDocumentId).stream()
                .filter(e -> e.plan().kind() == PostingKind.AP).findFirst().orElseThrow();
    }

    private ImsMessage apMessage(String fisDocumentId) {
        return harness.messagesOf(fisDocumentId).stream().filter(m -> m.documentName().startsWith("Process."))
                .findFirst().orElseThrow();
    }

    private List<String> steps(String fisDocumentId) {
        return harness.store().audit().trail(fisDocumentId).stream().map(AuditEntry::step).toList();
    }
}
