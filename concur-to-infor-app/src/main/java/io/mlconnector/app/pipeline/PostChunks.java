package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.posting.ChunkingException;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.posting.PostingPlan;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;
import java.util.Map;

/**
 * Plans the chunks of the accounting document for the configured target (for ION: chunks that each balance and stay
 * under its size and line limits, GL journal chunks then the AP invoice; for M3: the supplier invoice), then posts
 * them in order through the {@link ChunkPoster}.
 */
final class PostChunks implements Processor {
    private final Services services;
    private final ChunkPoster poster;

    PostChunks(Services services, ChunkPoster poster) {
        this.services = services;
        this.poster = poster;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        PostingPlan plan;
        try {
            plan = services.sender.plan(work.accounting);
        } catch (ChunkingException e) {
            throw new DocumentRejected("oversize", List.of(), List.of(e.getMessage()));
        }
        work.plan = plan;
        services.store.audit().append(work.keys, AuditStep.PLANNED, Map.of("chunks",
                plan.chunks().stream().map(PostingChunk::id).toList()));
        for (PostingChunk chunk : plan.chunks()) {
            // a long document keeps its claim, so no other instance takes it over mid-way
            work.holdLease(services, "chunk " + chunk.id());
            work.postedMessageIds.add(poster.post(work.keys, chunk).messageId());
        }
    }
}
