package io.mlconnector.app.store;

import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.posting.PostingKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the embedded default database grows: 10,000 webhook events of ~2 KB, each taken through what the pipeline
 * writes for a posted document (inbox row claimed and done, six audit entries, two ledger chunks planned, sent and
 * accepted, the confirmation decided and sent), then the file size per event. Not part of the default suite (the name
 * does not end in Test); run it with {@code -Dtest=EmbeddedDatabaseBench}. It prints figures and asserts only that
 * every event was stored, never a size or a speed.
 */
class EmbeddedDatabaseBench {
    private static final int EVENTS = Integer.getInteger("bench.events", 10_000);

    @TempDir
    Path dir;

    @Test
    void bytesPerEventOnTheEmbeddedDefault() throws Exception {
        // given the default URL shape, in a fresh folder
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("ml-connector")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        String body = "{\"id\":\"%s\",\"topic\":\"public.concur.financialintegration\",\"facts\":{\"pad\":\""
                + "x".repeat(1900) + "\"}}";
        long started = System.nanoTime();
        long rowBytes = 0;
        // when
        try (Store store = new Store(Database.open(DatabaseSettings.of(url, "", "")), Clock.systemUTC(),
                new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMinutes(15)))) {
            for (int i = 0; i < EVENTS; i++) {
                String event = String.format(Locale.ROOT, "evt-%08d", i);
                String doc = String.format(Locale.ROOT, "DOC%017d", i);
                InboxEvent inboxEvent = new InboxEvent(event, "public.concur.financialintegration",
                        "readyForIntegration", doc, "R" + i, String.format(Locale.ROOT, body, event));
                rowBytes += inboxEvent.body().length();
                store.inbox().insertIfAbsent(inboxEvent);
                InboxEntry entry = store.inbox().claim(1, "bench", Duration.ofSeconds(30)).get(0);
                AuditKeys keys = AuditKeys.event(event).withFisDocumentId(doc).withReportId("R" + i);
                for (String step : List.of("document fetched", "acknowledged", "mapped", "validated", "planned")) {
                    store.audit().append(keys, step, Map.of("detail", step, "lines", 4));
                }
                for (int chunk = 1; chunk <= 2; chunk++) {
                    String messageId = "concur-" + doc + "-gl-" + chunk + "-of-2";
                    store.ledger().plan(ChunkPlan.posting(doc, chunk, 2, PostingKind.GL, messageId, messageId,
                            "0".repeat(64), new BigDecimal("123.45"), "USD"));
                    store.ledger().markSent(messageId, "bench");
                    store.ledger().markAccepted(messageId, "ion-" + chunk);
                }
                store.ledger().decideConfirmation(doc, ConfirmationRecord.Outcome.SUCCESS, "posted");
                store.ledger().markConfirmationSent(doc);
                store.audit().append(keys, "confirmation sent", Map.of("worker", "bench"));
                store.inbox().complete(entry.id(), "bench");
            }
            assertThat(store.inbox().countByState().get(InboxState.DONE)).isEqualTo(EVENTS);
        }
        // then
        long bytes;
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "embedded H2: %d events (event body %d bytes on average) -> %,d bytes on disk, "
                        + "%,d bytes per event (%.1f x the body), %.0f events/s with the whole lifecycle%n", EVENTS,
                rowBytes / EVENTS, bytes, bytes / EVENTS, (double) bytes / rowBytes, EVENTS / seconds);
    }
}
