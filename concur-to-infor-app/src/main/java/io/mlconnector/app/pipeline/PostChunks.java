package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.ChunkingException;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.posting.PostingPlan;
import io.mlconnector.app.store.AuditStep;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.ExpressionAdapter;

import java.util.List;
import java.util.Map;

/**
 * Plans the chunks of the accounting document for the configured target (for ION: chunks that each balance and stay
 * under its size and line limits, GL journal chunks then the AP invoice; for M3: the supplier invoice). The route then
 * posts them in order, each through the {@link ChunkPoster}'s ledger steps around the {@code infor-ion:} endpoint.
 */
final class PostChunks {
    private final Services services;

    PostChunks(Services services) {
        this.services = services;
    }

    void plan(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        PostingPlan plan;
        try {
            plan = services.sender.plan(work.accounting);
        } catch (ChunkingException e) {
            throw new DocumentRejected(RejectionReason.OVERSIZE, List.of(), List.of(e.getMessage()));
        }
        work.plan = plan;
        services.store.audit().append(work.keys, AuditStep.PLANNED, Map.of("chunks",
                plan.chunks().stream().map(PostingChunk::id).toList()));
    }

    /** The planned chunks, in posting order, for the route to split on. */
    static Expression planned() {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return DocumentWork.of(exchange).plan.chunks();
            }
        };
    }
}
