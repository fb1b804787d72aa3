package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.fixtures.LargeExpenseReport;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.http.Fault;
import io.mlconnector.sandbox.infor.AccountType;
import io.mlconnector.sandbox.infor.ImsMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong between Concur and Infor, end to end: an unknown GL account, a throttled or failing ION, ION
 * refusing a later chunk of a document, a document recalled before the app acknowledged it.
 */
class FailurePathsEndToEndTest extends EndToEndTest {
    private static final String MULTIPART = ".*/IONSERVICES/api/ion/messaging/service/v3/multipartMessage";
    private static final String HOTEL_REPORT = "D0719B539ED64FE612AB"; // LODNG → GL 6120 under the default mapping
    private static final String FIS_EXPENSE_READ = ".*/transactiontypes/expense/transactions";
    /** The connectors' default attempts per call ({@code maxAttempts}), the one in-process retry of each call. */
    private static final long ION_ATTEMPTS_PER_CALL = 5;
    private static final long CONCUR_ATTEMPTS_PER_CALL = 4;
    private static final int INBOX_ATTEMPTS = 2;

    @Test
    void anUnknownGlAccountIsConfirmedAsErrorNamingItAndNothingIsPosted() {
        // given Infor entity 100 without the hotel account 6120 the default mapping picks for LODNG
        start();
        String docId = sample(HOTEL_REPORT);
        assertThat(harness.infor.chart().remove("100", AccountType.GL_ACCOUNT, "6120")).isTrue();

        // when Concur approves the hotel report
        harness.approve(docId);
        harness.awaitFisState(docId, FisState.FAILED);
        harness.awaitQuiet();

        // then Concur got one error confirmation whose system messages name the account
        List<JsonNode> confirmations = harness.concur.fis().postingConfirmations(docId);
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.get(0).path("overallPostingStatusCode").asText()).isEqualTo("error");
        assertThat(confirmations.get(0).path("systemMessages").findValuesAsText("messageShortText"))
                .anySatisfy(text -> assertThat(text).contains("6120"));
        // and a finance user has an open exception record naming it, and ION received nothing for the document
        assertThat(harness.store().exceptions().forDocument(docId)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(ExceptionRecord.State.OPEN);
            assertThat(e.codes()).containsExactly("6120");
        });
        assertThat(harness.messagesOf(docId)).isEmpty();
    }

    @Test
    void throttlingAndServerErrorsOnIonDelayThePostingButNeverDuplicateIt() {
        // given ION answers the next message 429 (Retry-After 1 s) and the one after that 503
        start();
        String docId = sample(HOTEL_REPORT);
        harness.infor.faults().inject(Fault.throttled(Duration.ofSeconds(1)).onPath(MULTIPART), 1)
                .inject(Fault.status(503).onPath(MULTIPART), 1);

        // when the report is approved
        harness.approve(docId);
        harness.awaitFisState(docId, FisState.POSTED);
        harness.awaitQuiet();

        // then both refused attempts happened, yet every chunk was accepted exactly once and confirmed once
        long attempts = harness.infor.requests().stream().filter(r -> r.path().matches(MULTIPART)).count();
        List<ImsMessage> accepted = harness.messagesOf(docId);
        assertThat(attempts).isEqualTo(accepted.size() + 2L);
        assertThat(accepted.stream().collect(Collectors.groupingBy(ImsMessage::messageId, Collectors.counting())))
                .isNotEmpty().allSatisfy((messageId, copies) -> assertThat(copies).as(messageId).isEqualTo(1L));
        assertThat(harness.concur.fis().postingConfirmations(docId)).singleElement()
                .satisfies(c -> assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("success"));
    }

    @Test
    void ionAnswering503IsSentFiveTimesPerInboxAttemptAndNoMore() {
        // given ION answers every message 503 and the inbox dead-letters an event after two attempts
        start(app -> app.config("worker.max-attempts", Integer.toString(INBOX_ATTEMPTS)));
        String docId = sample(HOTEL_REPORT);
        harness.infor.faults().always(Fault.status(503).onPath(MULTIPART));

        // when the report is approved and its event has used up its attempts
        harness.approve(docId);
        awaitDeadLettered();

        // then ION saw the message only as often as the connector's budget per inbox attempt (README-posting.md):
        // a retry layer stacked on top (a route redelivery) would multiply it
        long attempts = harness.infor.requests().stream().filter(r -> r.path().matches(MULTIPART)).count();
        assertThat(attempts).isEqualTo(ION_ATTEMPTS_PER_CALL * INBOX_ATTEMPTS);
        assertThat(harness.messagesOf(docId)).isEmpty();
    }

    @Test
    void concurAnswering503IsAskedFourTimesPerInboxAttemptAndNoMore() {
        // given Concur answers every FIS document read 503 and the inbox dead-letters an event after two attempts
        start(app -> app.config("worker.max-attempts", Integer.toString(INBOX_ATTEMPTS)));
        String docId = sample(HOTEL_REPORT);
        harness.concur.faults().always(Fault.status(503).onPath(FIS_EXPENSE_READ));

        // when the report is approved and its event has used up its attempts
        harness.approve(docId);
        awaitDeadLettered();

        // then Concur was asked only as often as the connector's budget per inbox attempt (README-posting.md)
        long reads = harness.concur.requests().stream().filter(r -> r.path().matches(FIS_EXPENSE_READ)).count();
        assertThat(reads).isEqualTo(CONCUR_ATTEMPTS_PER_CALL * INBOX_ATTEMPTS);
        assertThat(harness.concur.fis().acknowledgements(docId)).isEmpty();
    }

    @Test
    void ionRefusingTheSecondChunkReversesTheFirstAndConfirmsAnError() {
        // given journals of at most 6 lines, so a 12-entry report is several chunks, and ION that accepts the first
        // message and answers 400 to the second
        start(app -> app.config("infor.max-lines-per-chunk", "6"));
        String docId = harness.concur.fis().add("expense", LargeExpenseReport.generate("unused", 12, 42L).json());
        harness.infor.faults().inject(Fault.slow(Duration.ZERO).onPath(MULTIPART), 1)
                .inject(Fault.status(400).onPath(MULTIPART), 1);

        // when the report is approved
        harness.approve(docId);
        harness.awaitFisState(docId, FisState.FAILED);
        harness.awaitQuiet();

        // then ION holds the first chunk and its reversal (same lines, sides swapped), and nothing else
        List<RecordedBod> bods = harness.messagesOf(docId).stream().map(RecordedBod::parse).toList();
        assertThat(bods).hasSize(2);
        RecordedBod first = bods.get(0);
        RecordedBod reversal = bods.get(1);
        assertThat(first.documentId()).endsWith("-gl-1-of-" + chunkCount(first));
        assertThat(reversal.message().messageId()).contains("-rev").isNotEqualTo(first.message().messageId());
        assertThat(reversal.documentId()).isEqualTo(first.documentId() + "-rev");
        assertThat(reversal.lines()).extracting(l -> l.glAccount() + "/" + l.costCenter() + "/" + l.amount()
                        + "/" + ("D".equals(l.side()) ? "C" : "D"))
                .containsExactlyInAnyOrderElementsOf(first.lines().stream()
                        .map(l -> l.glAccount() + "/" + l.costCenter() + "/" + l.amount() + "/" + l.side()).toList());
        // and Concur got one error confirmation naming the refused chunk, and a finance user an open exception record
        String refusedChunk = first.documentId().replace("-gl-1-of-", "-gl-2-of-");
        assertThat(harness.concur.fis().postingConfirmations(docId)).singleElement().satisfies(c -> {
            assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("error");
            assertThat(c.path("systemMessages").findValuesAsText("messageShortText"))
                    .anySatisfy(text -> assertThat(text).contains(refusedChunk));
        });
        assertThat(harness.store().exceptions().forDocument(docId)).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(ExceptionRecord.State.OPEN));
    }

    @Test
    void aDocumentRecalledBeforeTheAcknowledgementIsNeverPostedAndTheRecallIsAudited() {
        // given Concur's FIS answers document reads only after a second, so the processor can recall it meanwhile
        start();
        String docId = sample(HOTEL_REPORT);
        harness.concur.faults().always(Fault.slow(Duration.ofSeconds(1)).onPath(".*/transactiontypes/expense/transactions"));

        // when the report is approved and recalled at once, before the app could acknowledge it
        harness.approve(docId);
        harness.concur.fis().recall(docId);
        PipelineHarness.await().until(() -> harness.store().audit().trail(docId).stream()
                .anyMatch(e -> e.step().equals(AuditStep.RECALLED)));
        harness.awaitQuiet();

        // then the app's acknowledgement reached Concur and was answered "recalled" (102): the document stays recalled,
        // Concur got no posting confirmation, and ION got nothing
        assertThat(harness.concur.fis().acknowledgements(docId)).isNotEmpty();
        assertThat(harness.concur.fis().state(docId)).isEqualTo(FisState.RECALLED);
        assertThat(harness.store().audit().trail(docId)).filteredOn(e -> e.step().equals(AuditStep.RECALLED))
                .singleElement().satisfies(e -> assertThat(e.detail().path("code").asInt()).isEqualTo(102));
        assertThat(harness.concur.fis().postingConfirmations(docId)).isEmpty();
        assertThat(harness.messagesOf(docId)).isEmpty();
        // and the audit trail says so, the event is finished (not retried), and nobody has to act on it
        assertThat(harness.store().audit().trail(docId)).extracting(AuditEntry::step)
                .contains(AuditStep.RECALLED).doesNotContain(AuditStep.ACKNOWLEDGED, AuditStep.MAPPED);
        assertThat(harness.store().inbox().countByState()).containsEntry(InboxState.DONE, 1L);
        assertThat(harness.store().exceptions().forDocument(docId)).isEmpty();
    }

    private void awaitDeadLettered() {
        PipelineHarness.await().until(() -> harness.store().inbox().countByState().get(InboxState.DEAD) == 1L);
    }

    private String sample(String businessId) {
        return harness.concur.fis().seedPublishedSamples().stream()
                .filter(id -> harness.concur.fis().businessId(id).equals(businessId)).findFirst().orElseThrow();
    }

    private static int chunkCount(RecordedBod bod) {
        String id = bod.documentId();
        return Integer.parseInt(id.substring(id.lastIndexOf("-of-") + 4));
    }
}
