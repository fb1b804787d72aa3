package io.mlconnector.app.crash;

import io.mlconnector.app.store.Store;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances — two child JVMs, each with its own webhook port, both subscribed in ESS — on one PostgreSQL
 * schema: every event reaches both, the shared inbox keeps it once, and the workers of both instances claim from it.
 */
class TwoInstancesTest {
    private static final int DOCUMENTS = Integer.getInteger("crash.two-instances.documents", 40);
    /** Nobody is killed here: a lease far above any step, so no claim runs out while its worker still sends. */
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final long SEED = Long.getLong("crash.seed", 20261128L);
    private static final Map<String, String> ONE_WORKER = Map.of("worker.count", "1");

    @Test
    void twoInstancesOnOnePostgresqlShareTheWorkAndPostEveryChunkOnce() throws Exception {
        long started = System.nanoTime();
        try (CrashLab lab = CrashLab.start("twoinstances", CrashLab.DatabaseKind.POSTGRESQL)) {
            // given: two instances on one schema, both subscribed
            List<String> docIds = lab.addDocuments(DOCUMENTS, SEED + 1);
            // one worker each: a freed worker claims the next event at once and a webhook wakes its own instance's
            // workers, so an instance with many workers would take every event before the other one polls
            AppProcess first = lab.app("first", LEASE, ONE_WORKER);
            AppProcess second = lab.app("second", LEASE, ONE_WORKER);
            first.start();
            second.start();

            // when: Concur approves every document (ESS delivers each event to both instances)
            docIds.forEach(lab.concur().fis()::approve);
            Crash.awaitAllFinal(lab, docIds, Duration.ofSeconds(60 + DOCUMENTS / 3));
            first.stop();
            second.stop();

            // then: each document posted and confirmed once, each chunk sent to ION exactly once, by both instances
            try (Store store = lab.openStore()) {
                Crash.Report report = Crash.verify(lab, store, docIds);
                assertThat(report.duplicateMessages()).as("ION messages sent twice under one messageId").isZero();
                Map<String, Integer> workers = Crash.confirmingWorkers(store, docIds);
                assertThat(workers).as("instances that confirmed documents").hasSize(2);
                assertThat(workers.values()).as("documents confirmed per instance").allSatisfy(n ->
                        assertThat(n).isPositive());
                System.out.printf(Locale.ROOT, "two instances: %d documents, %d chunks, %d ION messages, documents "
                        + "per instance %s, %.1f s%n", DOCUMENTS, report.chunks(), report.ionMessages(), workers,
                        (System.nanoTime() - started) / 1e9);
                lab.passed();
            }
        }
    }
}
