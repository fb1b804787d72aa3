package io.mlconnector.app.store;

import io.mlconnector.app.posting.PostingKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writes one webhook event of ~2 KB causes when its document is posted: stored as the webhook stores it
 * ({@link Intake#accept}), then the transactions a worker runs (claimed, six audit entries, two ledger chunks planned,
 * sent and accepted, the confirmation decided and sent, done), each its own commit as in the pipeline.
 */
final class PostedEventWrites {
    private static final String PAD = "x".repeat(1900);

    private PostedEventWrites() {
    }

    /** Writes event number {@code i} through its whole lifecycle; answers the size of its body in bytes. */
    static long post(Store store, Intake intake, int i) {
        String event = String.format(Locale.ROOT, "evt-%08d", i);
        String doc = String.format(Locale.ROOT, "DOC%017d", i);
        String body = "{\"id\":\"" + event + "\",\"topic\":\"public.concur.financialintegration\",\"facts\":{\"pad\":\""
                + PAD + "\"}}";
        assertThat(intake.accept(new InboxEvent(event, "public.concur.financialintegration", "readyForIntegration",
                doc, "R" + i, body))).isEqualTo(InsertOutcome.INSERTED);
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
        return body.length();
    }
}
