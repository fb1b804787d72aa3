package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.store.AuditStep;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of the non-FIS paths: every chunk is accepted, and there is no FIS posting confirmation to send, so the
 * audit trail records the posting once (a later duplicate is audited as already posted) and open exception records of
 * the document are resolved.
 */
final class RecordPosting implements Processor {
    private final Services services;

    RecordPosting(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        String documentId = work.fisDocumentId();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("chunks", work.plan.chunks().stream().map(PostingChunk::id).toList());
        detail.put("messageIds", work.postedMessageIds);
        if (alreadyPosted(documentId)) {
            services.store.audit().append(work.keys, AuditStep.ALREADY_POSTED, detail);
            return;
        }
        detail.put("confirmation", "none: Expense v4 / Invoice v3 have no posting confirmation");
        services.store.audit().append(work.keys, AuditStep.POSTED, detail);
        services.metrics.documentPosted(work.docType.value());
        services.store.exceptions().resolveFor(documentId);
    }

    private boolean alreadyPosted(String documentId) {
        return services.store.audit().trail(documentId).stream()
                .anyMatch(e -> AuditStep.POSTED.equals(e.step()) && documentId.equals(e.keys().fisDocumentId()));
    }
}
