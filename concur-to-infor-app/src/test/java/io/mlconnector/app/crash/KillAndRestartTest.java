package io.mlconnector.app.crash;

import io.mlconnector.app.store.Store;
import io.mlconnector.sandbox.infor.ErpSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the app — a real child JVM, {@code kill -9} — at random moments while documents flow, restarts it on the same
 * database and webhook port, and checks what Concur and Infor saw.
 *
 * <p>CI runs it short. The long run is the same test scaled up by system properties (README-crash.md):
 * {@code -Dcrash.documents=1000 -Dcrash.kills=30}, {@code -Dcrash.seed=N}, {@code -Dcrash.database=h2} or
 * {@code postgresql} (by default it runs on both: the embedded default H2 file database and PostgreSQL).
 */
class KillAndRestartTest {
    private static final int DOCUMENTS = Integer.getInteger("crash.documents", 30);
    private static final int KILLS = Integer.getInteger("crash.kills", 3);
    private static final int ERP_DOCUMENTS = 6;
    private static final long SEED = Long.getLong("crash.seed", 20261128L);
    private static final String DATABASES = System.getProperty("crash.database", "h2,postgresql");
    /** A kill lands this long after the wave's approvals (ESS delivers and the workers post meanwhile). */
    /** Short, so a killed instance's claims come back soon; long enough for one document on a loaded 2-core box. */
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final int MIN_KILL_DELAY_MS = 300;
    private static final int MAX_KILL_DELAY_MS = 3000;

    static Stream<CrashLab.DatabaseKind> databases() {
        return Arrays.stream(DATABASES.split(",")).map(String::trim)
                .map(kind -> CrashLab.DatabaseKind.valueOf(kind.toUpperCase(Locale.ROOT)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyDocumentIsPostedOnceAndConfirmedOnceThoughTheAppIsKilledWhileDocumentsFlow(CrashLab.DatabaseKind database)
            throws Exception {
        long started = System.nanoTime();
        try (CrashLab lab = CrashLab.start("killrestart", database)) {
            // given: Concur holds the documents, the app runs as a child JVM
            List<String> docIds = lab.addDocuments(DOCUMENTS, SEED);
            AppProcess app = lab.app("app", LEASE);
            app.start();
            int requestsBeforeStart = 0;
            Random random = new Random(SEED);
            List<String> killedAt = new ArrayList<>();

            // when: Concur approves them in waves; after each wave but the last the app is killed at a random moment
            List<List<String>> waves = waves(docIds, KILLS + 1);
            int approved = 0;
            for (int wave = 0; wave < waves.size(); wave++) {
                waves.get(wave).forEach(lab.concur().fis()::approve);
                approved += waves.get(wave).size();
                if (wave < KILLS) {
                    // not while the instance refreshes its Concur token at start-up: see README-crash.md, "Limits"
                    lab.awaitFisCallSince(requestsBeforeStart);
                    AppProcess.pause(MIN_KILL_DELAY_MS + random.nextInt(MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS));
                    app.kill();
                    killedAt.add(lab.postedCount(docIds) + "/" + approved);
                    requestsBeforeStart = lab.concur().requests().size();
                    app.start();
                }
            }
            Crash.awaitAllFinal(lab, docIds, Duration.ofSeconds(60 + DOCUMENTS / 3));
            app.stop();

            // then
            try (Store store = lab.openStore()) {
                Crash.Report report = Crash.verify(lab, store, docIds);
                assertThat(report.resentWithDifferentContent()).as("re-sent messageIds whose BOD differs").isEmpty();
                System.out.printf(Locale.ROOT, "crash run (%s): %d documents, %d kills (posted/approved at each kill: "
                                + "%s), %d chunks, %d ION messages, %d messageIds re-sent (%d extra messages), "
                                + "%d repeated acknowledgements (101), %.1f s%n",
                        database, DOCUMENTS, app.kills(), String.join(" ", killedAt), report.chunks(),
                        report.ionMessages(), report.resentMessageIds(), report.duplicateMessages(),
                        report.repeatedAcknowledgements(), (System.nanoTime() - started) / 1e9);
                assertThat(app.kills()).isEqualTo(KILLS);
                lab.passed();
            }
        }
    }

    @Test
    void anErpAnswerStoredButNotYetAppliedWhenTheAppIsKilledIsAppliedAfterTheRestart() throws Exception {
        try (CrashLab lab = CrashLab.start("erpanswer", CrashLab.DatabaseKind.POSTGRESQL)) {
            // given: invoices, and an instance that stores the ERP's answers but does not apply them (its first
            // application tick is an hour away), so the kill lands between storing an answer and applying it
            List<String> docIds = lab.addInvoices(ERP_DOCUMENTS, SEED);
            AppProcess app = lab.app("app", LEASE, Map.of("ims.apply-interval", "1h"));
            app.start();

            // when: every invoice is posted and the ERP's acknowledgement of each was answered 202 (stored) ...
            docIds.forEach(lab.concur().fis()::approve);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> storedAnswers(lab) == docIds.size());
            // ... and nothing was applied yet: Concur has heard nothing
            assertThat(docIds).allSatisfy(id -> assertThat(lab.concur().fis().postingConfirmations(id)).isEmpty());
            app.kill();
            long pushesBeforeRestart = storedAnswers(lab);

            // and the app comes back with its usual application interval
            lab.reconfigure(app, Map.of("ims.apply-interval", "100ms"));
            app.start();
            Crash.awaitAllFinal(lab, docIds, Duration.ofSeconds(60));
            app.stop();

            // then: the stored answers completed every invoice, posted and confirmed once; the ERP sent nothing new
            try (Store store = lab.openStore()) {
                Crash.verify(lab, store, docIds);
                assertThat(storedAnswers(lab)).as("answers the app took (202)").isEqualTo(pushesBeforeRestart);
                lab.passed();
            }
        }
    }

    /** Distinct ERP answers the app answered 202, i.e. stored. */
    private static long storedAnswers(CrashLab lab) {
        return lab.infor().erp().pushes().stream().filter(p -> p.status() == 202).map(ErpSimulator.Push::messageId)
                .distinct().count();
    }

    /** The documents in {@code n} consecutive waves of (nearly) equal size. */
    private static List<List<String>> waves(List<String> docIds, int n) {
        List<List<String>> waves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waves.add(docIds.subList(i * docIds.size() / n, (i + 1) * docIds.size() / n));
        }
        return waves;
    }
}
