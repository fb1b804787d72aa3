package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.api.FisOutcome;
import io.mlconnector.concur.api.PostingConfirmation;
import io.mlconnector.sandbox.concur.ConcurEvents;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.infor.AccountType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After an unknown GL account: what a finance user does (add the account in Infor, replay, have the report resubmitted)
 * and what the app must then do. FIS closes a document with its first posting confirmation: a second one is answered
 * 113 "Confirmation has been posted", and a resubmitted report is a new FIS document
 * (https://developer.concur.com/api-guides/ERP-integration/posting-via-financial-integration-service.html). So a
 * document confirmed {@code error} must never be posted afterwards; its report posts under the new FIS document
 * instead.
 */
class ErrorConfirmedDocumentsEndToEndTest extends EndToEndTest {
    private static final String HOTEL_REPORT = "D0719B539ED64FE612AB"; // LODNG → GL 6120
    private static final String ALLOCATED_REPORT = "460EFDDC98634EA9A0AD"; // use case 4.1, LODNG → GL 6120 too

    private String hotelReport;

    @BeforeEach
    void rejectTheHotelReportForAnUnknownAccount() {
        start();
        hotelReport = sample(HOTEL_REPORT);
        harness.infor.chart().remove("100", AccountType.GL_ACCOUNT, "6120");
        harness.approve(hotelReport);
        harness.awaitFisState(hotelReport, FisState.FAILED);
        harness.awaitQuiet();
    }

    @Test
    void anAccountAddedInInforAfterARejectionIsSeenByTheNextDocument() {
        // given the finance user added GL account 6120 in Infor after the hotel report was rejected for it
        harness.infor.chart().addGlAccount("100", "6120", "Hotel");

        // when another report on 6120 is approved
        String allocated = sample(ALLOCATED_REPORT);
        harness.approve(allocated);

        // then it posts: the rejection's "unknown" answer was not reused
        harness.awaitFisState(allocated, FisState.POSTED);
        assertThat(harness.messagesOf(allocated)).isNotEmpty();
    }

    @Test
    void aDocumentConfirmedAsErrorIsNeverPostedAfterTheFixNotByReplayNorByAnotherEvent() throws Exception {
        // given the account was added in Infor after the rejection
        harness.infor.chart().addGlAccount("100", "6120", "Hotel");

        // when the finance user replays the rejected document through the admin API
        HttpResponse<String> replay = adminPost("/admin/replay/" + hotelReport);
        // and Concur delivers a readyForIntegration event for the same report once more
        ObjectNode facts = JsonNodeFactory.instance.objectNode().put("companyId", harness.concur.companyId())
                .put("documentId", HOTEL_REPORT);
        harness.concur.events().publish(ConcurEvents.TOPIC_FIS, "expense.readyForIntegration", facts);
        harness.awaitQuiet();

        // then the replay is refused (the document is finished), the second event posts nothing to ION, Concur keeps
        // its one error confirmation and the audit trail says why
        assertThat(replay.statusCode()).isEqualTo(404);
        assertThat(harness.messagesOf(hotelReport)).isEmpty();
        assertThat(harness.concur.fis().postingConfirmations(hotelReport)).singleElement()
                .satisfies(c -> assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("error"));
        assertThat(harness.concur.fis().state(hotelReport)).isEqualTo(FisState.FAILED);
        assertThat(harness.store().audit().trail(hotelReport)).extracting(AuditEntry::step)
                .containsOnlyOnce(AuditStep.ERROR_CONFIRMATION_SENT).contains(AuditStep.ALREADY_CONFIRMED)
                .doesNotContain(AuditStep.CHUNK_ACCEPTED);
        // and that is the only safe outcome: FIS would answer a later success confirmation 113 (already confirmed),
        // which the connector counts as done, while Concur keeps the document failed
        FisItemResult late = harness.services().fis.confirmPosting(FisDocType.EXPENSE, List.of(
                PostingConfirmation.success(hotelReport, List.of(new PostingConfirmation.PostingDoc("100", "late",
                        "2026", LocalDate.of(2026, 11, 28)))))).get(0);
        assertThat(late.outcome()).isEqualTo(FisOutcome.ALREADY_CONFIRMED);
        assertThat(late.isDone()).isTrue();
        assertThat(harness.concur.fis().state(hotelReport)).isEqualTo(FisState.FAILED);
    }

    @Test
    void aReportResubmittedAfterTheFixPostsOnceUnderItsNewFisDocumentAndClosesTheException() {
        // given the account was added in Infor after the rejection
        harness.infor.chart().addGlAccount("100", "6120", "Hotel");

        // when the processor resubmits the report: FIS creates a new document (new id, same report id)
        JsonNode report = harness.concur.fis().document(hotelReport);
        String resubmitted = harness.concur.fis().add("expense", report);
        harness.approve(resubmitted);

        // then the new FIS document is acknowledged, posted and confirmed success, once
        harness.awaitFisState(resubmitted, FisState.POSTED);
        harness.awaitQuiet();
        assertThat(harness.concur.fis().postingConfirmations(resubmitted)).singleElement()
                .satisfies(c -> assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("success"));
        assertThat(harness.messagesOf(resubmitted)).isNotEmpty();
        // and the failed document stays as it was: nothing posted under it, one error confirmation
        assertThat(harness.messagesOf(hotelReport)).isEmpty();
        assertThat(harness.concur.fis().postingConfirmations(hotelReport)).hasSize(1);
        // and the finance user's exception record for the report is resolved
        assertThat(harness.store().exceptions().forDocument(hotelReport)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(ExceptionRecord.State.RESOLVED));
    }

    private HttpResponse<String> adminPost(String path) throws IOException, InterruptedException {
        URI uri = harness.app.adminUri().resolve(path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + PipelineHarness.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sample(String businessId) {
        return harness.concur.fis().seedPublishedSamples().stream()
                .filter(id -> harness.concur.fis().businessId(id).equals(businessId)).findFirst().orElseThrow();
    }
}
