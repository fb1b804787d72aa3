package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.mapping.fixtures.LargeExpenseReport;
import io.mlconnector.app.ops.WorkerHealth;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.http.Fault;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker cannot die quietly: an Error ends the process, a stuck worker turns readiness DOWN. */
class WorkerLivenessEndToEndTest extends EndToEndTest {
    private static final String MULTIPART = ".*/IONSERVICES/api/ion/messaging/service/v3/multipartMessage";
    /** A JSONata expression that recurses until the worker's stack overflows: a real Error inside a worker. */
    private static final String OVERFLOWING_EXPRESSION = "($f := function($n){ 1 + $f($n + 1) }; $f(0)) ? '6125'";

    @Test
    void anErrorInAWorkerEndsTheProcessWithReadinessDownAndTheReason() throws Exception {
        // given a mapping whose evaluation throws StackOverflowError, and an exit the test records
        List<Integer> exits = new CopyOnWriteArrayList<>();
        start(app -> app.mapping(Mapping.defaultMappingText().replace("  lookupOrder: [expenseType, journalAccountCode]",
                "  lookupOrder: [expenseType, journalAccountCode]\n  expression: \"" + OVERFLOWING_EXPRESSION + "\""))
                .exit(exits::add));
        String docId = harness.concur.fis().add("expense", LargeExpenseReport.generate("unused", 2, 7L).json());
        // when
        harness.approve(docId);
        // then the process is ended with the fatal status, and readiness says why until it is gone
        PipelineHarness.await().until(() -> !exits.isEmpty());
        assertThat(exits).containsExactly(WorkerHealth.FATAL_EXIT_STATUS);
        JsonNode ready = readiness(503);
        assertThat(ready.path("checks").path("inbox-workers").path("status").asText()).isEqualTo("DOWN");
        assertThat(ready.path("checks").path("inbox-workers").path("detail").asText()).contains("StackOverflowError");
        assertThat(harness.concur.fis().state(docId)).isNotEqualTo(FisState.FAILED);
    }

    @Test
    void aStuckWorkerTurnsReadinessDownUntilItMovesOn() throws Exception {
        // given one worker, a short stall timeout, and ION hanging on the first document's post
        start(app -> app.config("worker.count", "1").config("worker.stall-timeout", "1s"));
        harness.infor.faults().inject(Fault.slow(Duration.ofSeconds(8)).onPath(MULTIPART), 1);
        String first = harness.concur.fis().add("expense", LargeExpenseReport.generate("unused", 2, 1L).json());
        String second = harness.concur.fis().add("expense", LargeExpenseReport.generate("unused", 2, 2L).json());
        // when
        harness.approve(first);
        PipelineHarness.await().until(() -> !harness.infor.requests().stream()
                .filter(r -> r.path().matches(MULTIPART)).toList().isEmpty());
        harness.approve(second);
        // then: work is due and nothing moves, so readiness is DOWN with the reason
        PipelineHarness.await().until(() -> statusOf(readinessBody()).equals("DOWN"));
        assertThat(readinessBody().path("checks").path("inbox-workers").path("detail").asText())
                .contains("stalled").contains("due");
        // and once the worker moves on, both documents post and readiness is UP again
        harness.awaitFisState(first, FisState.POSTED);
        harness.awaitFisState(second, FisState.POSTED);
        PipelineHarness.await().until(() -> statusOf(readinessBody()).equals("UP"));
    }

    @Test
    void aSlowButAliveWorkerIsNeverOvertaken() {
        // given a lease much shorter than ION's answer, kept alive by the heartbeat, and a second idle worker
        start(app -> app.config("worker.count", "2").config("worker.lease", "2s").config("worker.heartbeat", "500ms"));
        harness.infor.faults().inject(Fault.slow(Duration.ofSeconds(6)).onPath(MULTIPART), 1);
        String docId = harness.concur.fis().add("expense", LargeExpenseReport.generate("unused", 2, 3L).json());
        // when
        harness.approve(docId);
        harness.awaitFisState(docId, FisState.POSTED);
        harness.awaitQuiet();
        // then nobody took the document over mid-call: ION got each chunk once, Concur one confirmation
        List<String> messageIds = harness.messagesOf(docId).stream().map(m -> m.messageId()).toList();
        assertThat(messageIds).doesNotHaveDuplicates().isNotEmpty();
        long posts = harness.infor.requests().stream().filter(r -> r.path().matches(MULTIPART)).count();
        assertThat(posts).isEqualTo(messageIds.size());
        assertThat(harness.concur.fis().postingConfirmations(docId)).hasSize(1);
        // and the one attempt was never cut off by a lost lease
        assertThat(harness.store().audit().trail(docId)).extracting(AuditEntry::step)
                .contains(AuditStep.CONFIRMATION_SENT)
                .doesNotContain(AuditStep.RETRY_SCHEDULED, AuditStep.CHUNK_IN_DOUBT);
    }

    @Test
    void readinessIsUpOnAFreshInstallWhoseRequestTokenIsSet() throws Exception {
        // given a fresh database, concur.request-token set, and no document or ping yet
        start();
        // when the orchestrator probes readiness
        JsonNode ready = readiness(200);
        // then the company token check is up, because the first grant was made with the request token
        assertThat(ready.path("checks").path("concur-token").path("status").asText()).isEqualTo("UP");
        assertThat(harness.services().concur.companyTokenState()).isPresent();
    }

    private static String statusOf(JsonNode ready) {
        return ready.path("checks").path("inbox-workers").path("status").asText();
    }

    private JsonNode readiness(int expectedStatus) throws Exception {
        HttpResponse<String> response = get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return new ObjectMapper().readTree(response.body());
    }

    private JsonNode readinessBody() throws Exception {
        return new ObjectMapper().readTree(get().body());
    }

    private HttpResponse<String> get() throws Exception {
        URI uri = harness.app.adminUri().resolve("/health/ready");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
