package io.mlconnector.app.pipeline;

import io.mlconnector.app.mapping.fixtures.FisSamples;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.ChunkPlan;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.posting.PostingKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Two instances on one database: a chunk one of them is sending is not re-sent by the other while it may be mid-call. */
class ChunkSentElsewhereTest {
    @TempDir
    Path tempDir;

    @Test
    void chunkAnotherInstanceMarkedSentIsResentOnlyAfterItsLeaseRunsOut() {
        try (PipelineHarness h = PipelineHarness.on(Dialect.H2, tempDir).config("worker.lease", "2s").start()) {
            // given the first chunk of a document, marked SENT a moment ago by another instance still waiting for ION
            Services services = h.app.services();
            AccountingDocument document = services.mapping.current()
                    .map(FisSamples.named("fis-expense-report-document.json").fis());
            PostingChunk chunk = services.planner.plan(document).chunks().get(0);
            ChunkPoster mine = new ChunkPoster(services, "this-instance",
                    h.app.camelContext().createProducerTemplate());
            String messageId = mine.messageId(chunk);
            services.store.ledger().plan(ChunkPlan.posting(chunk.fisDocumentId(), chunk.number(), chunk.count(),
                    PostingKind.GL, messageId, messageId, "hash", BigDecimal.ONE, chunk.currency()));
            assertThat(services.store.ledger().markSent(messageId, "other-instance")).isTrue();
            AuditKeys keys = AuditKeys.document(chunk.fisDocumentId());

            // when this instance reaches the chunk / then it leaves it to the sender and ION gets nothing
            assertThatThrownBy(() -> mine.post(keys, chunk)).hasMessageContaining("being sent by other-instance");
            assertThat(h.infor.messages()).isEmpty();

            // and once the sender's lease has run out, the chunk is in doubt and re-sent exactly once
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> mine.post(keys, chunk).state() == ChunkState.ACCEPTED);
            assertThat(h.infor.messages()).extracting(m -> m.messageId()).containsExactly(messageId);
        }
    }
}
