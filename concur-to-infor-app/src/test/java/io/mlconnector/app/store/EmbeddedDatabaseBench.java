package io.mlconnector.app.store;

import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the embedded default database grows: webhook events of ~2 KB, each taken through the writes of a posted
 * document ({@link PostedEventWrites}). Prints the file
 * size per event and the events per second after 1,000 and 10,000 events, then after the retention job cleared every
 * body and 1,000 more events. Not part of the default suite (the name does not end in Test); run it with
 * {@code -Dtest=EmbeddedDatabaseBench} ({@code -Dbench.events=N} for another total). It asserts only that every event
 * was stored, never a size or a speed.
 */
class EmbeddedDatabaseBench {
    private static final int EVENTS = Integer.getInteger("bench.events", 10_000);

    @TempDir
    Path dir;

    @Test
    void bytesPerEventOnTheEmbeddedDefault() throws Exception {
        // given the default URL, in a fresh folder
        Path folder = dir.resolve("data");
        String url = DatabaseSettings.embeddedH2Url(folder.resolve("ml-connector")) + ";AUTO_SERVER=TRUE";
        Clock clock = Clock.systemUTC();
        try (Store store = new Store(Database.open(DatabaseSettings.of(url, "", "")), clock,
                new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMinutes(15)))) {
            Intake intake = new Intake(store);
            System.out.printf(Locale.ROOT, "embedded H2 bench on %s, load average %s%n", store.database().description(),
                    loadAverage());
            // when the events arrive and are posted
            long started = System.nanoTime();
            long bodyBytes = 0;
            for (int i = 0; i < EVENTS; i++) {
                bodyBytes += PostedEventWrites.post(store, intake, i);
                if (i + 1 == 1_000 || i + 1 == EVENTS) {
                    report("after " + (i + 1) + " events", folder, i + 1, bodyBytes / (i + 1), i + 1, started);
                }
            }
            assertThat(store.inbox().countByState().get(InboxState.DONE)).isEqualTo(EVENTS);
            // and the retention job clears every body, then 1,000 more events arrive
            int cleared = new Retention(store, clock).purge(Duration.ZERO, Duration.ZERO).inboxBodies();
            System.out.printf(Locale.ROOT, "retention cleared %d bodies%n", cleared);
            long more = System.nanoTime();
            long moreBytes = 0;
            for (int i = EVENTS; i < EVENTS + 1_000; i++) {
                moreBytes += PostedEventWrites.post(store, intake, i);
            }
            report("after the purge and 1000 more events", folder, EVENTS + 1_000, moreBytes / 1_000, 1_000, more);
            assertThat(store.inbox().countByState().get(InboxState.DONE)).isEqualTo(EVENTS + 1_000);
        }
        report("closed", folder, EVENTS + 1_000, 0, 0, System.nanoTime());
    }

    /** Prints the file size per event in the file, and the rate of the {@code timedEvents} since {@code startedNanos}. */
    private static void report(String when, Path folder, int events, long eventBytes, int timedEvents,
                               long startedNanos) throws Exception {
        long bytes;
        try (Stream<Path> files = Files.list(folder)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "embedded H2 %s: %,d bytes on disk, %,d bytes per event (events of %d bytes),"
                        + " %.0f events/s, load average %s%n", when, bytes, bytes / events,
                eventBytes, timedEvents / seconds, loadAverage());
    }

    private static String loadAverage() throws Exception {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }
}
