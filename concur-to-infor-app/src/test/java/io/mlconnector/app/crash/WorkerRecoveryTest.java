package io.mlconnector.app.crash;

import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.ops.WorkerHealth;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.http.Fault;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app as a real child JVM on the embedded default database: a killed or failed instance's work moves on within
 * the short lease, and an Error ends the process instead of leaving it running without workers.
 */
class WorkerRecoveryTest {
    private static final String MULTIPART = ".*/IONSERVICES/api/ion/messaging/service/v3/multipartMessage";
    private static final Duration LEASE = Duration.ofSeconds(9);

    @Test
    void aKilledInstancesDocumentIsPostedWithinTwoLeases() throws Exception {
        try (CrashLab lab = CrashLab.start("recovery", CrashLab.DatabaseKind.H2)) {
            // given a document in flight: ION holds its first chunk's post
            String docId = lab.addDocuments(1, 11L).get(0);
            AppProcess app = lab.app("app", LEASE);
            app.start();
            lab.infor().faults().inject(Fault.slow(Duration.ofSeconds(30)).onPath(MULTIPART), 1);
            lab.concur().fis().approve(docId);
            await().atMost(Duration.ofSeconds(60)).until(() -> lab.infor().requests().stream()
                    .anyMatch(r -> r.path().matches(MULTIPART)));
            // when the instance is killed mid-call and its supervisor restarts it at once
            app.kill();
            long killed = System.nanoTime();
            lab.infor().faults().clear();
            app.start();
            long restarted = System.nanoTime();
            // then the document is posted within two leases (not after the old default lease's 5 minutes); the clock
            // starts when the new JVM listens, so a slow start on a loaded machine does not count against the lease
            await().atMost(LEASE.multipliedBy(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> lab.concur().fis().state(docId) == FisState.POSTED);
            System.out.printf("document of a killed instance posted %.1f s after the kill, %.1f s after the restart "
                            + "(lease %d s)%n", (System.nanoTime() - killed) / 1e9, (System.nanoTime() - restarted) / 1e9,
                    LEASE.toSeconds());
            assertThat(lab.concur().fis().postingConfirmations(docId)).hasSize(1);
            app.stop();
            lab.passed();
        }
    }

    @Test
    void anErrorInAWorkerEndsTheProcessAndTheRestartedInstancePostsTheDocument() throws Exception {
        try (CrashLab lab = CrashLab.start("fatal", CrashLab.DatabaseKind.H2)) {
            // given a mapping whose JSONata expression overflows the worker's stack (a StackOverflowError)
            lab.mapping(Mapping.defaultMappingText().replace("  lookupOrder: [expenseType, journalAccountCode]",
                    "  lookupOrder: [expenseType, journalAccountCode]\n"
                            + "  expression: \"($f := function($n){ 1 + $f($n + 1) }; $f(0)) ? '6125'\""));
            String docId = lab.addDocuments(1, 12L).get(0);
            AppProcess app = lab.app("app", LEASE);
            app.start();
            // when Concur approves the document
            lab.concur().fis().approve(docId);
            // then the process ends by itself with the fatal status, after logging why
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isEqualTo(WorkerHealth.FATAL_EXIT_STATUS);
            List<String> log = Files.readAllLines(app.log());
            assertThat(log).anyMatch(line -> line.contains("FATAL StackOverflowError in"));
            // and when the supervisor restarts it with the mapping fixed, the document is posted once
            lab.mapping(Mapping.defaultMappingText());
            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> lab.concur().fis().state(docId) == FisState.POSTED);
            assertThat(lab.concur().fis().postingConfirmations(docId)).hasSize(1);
            app.stop();
            lab.passed();
        }
    }
}
