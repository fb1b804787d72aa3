package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.concur.api.FisItemResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;
import java.util.Map;

/**
 * Acknowledges the document before anything is posted: it leaves Concur's ready queue and can no longer be recalled
 * while it posts (concur-api.md §4.1 step 3). 101 (already acknowledged) is a retry of ours and fine; 102 means the
 * processor recalled it first: it is never posted.
 */
final class AcknowledgeDocument implements Processor {
    private final Services services;

    AcknowledgeDocument(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        if (work.finished) {
            return; // confirmed to Concur as error already: never acknowledged (nor posted) again
        }
        FisItemResult result = services.fis.withCorrelationId(work.event.correlationId())
                .acknowledge(work.docType, List.of(work.fisDocumentId())).get(0);
        Map<String, Object> detail = Map.of("code", result.code(), "outcome", result.outcome().name());
        if (result.outcome().isRecalled()) {
            work.recalled = true;
            services.store.audit().append(work.keys, AuditStep.RECALLED, detail);
            return;
        }
        if (!result.isDone()) {
            throw new IllegalStateException("Concur refused the acknowledgement of " + work.fisDocumentId()
                    + ": code " + result.code() + " " + result.errorMessage());
        }
        services.store.audit().append(work.keys, AuditStep.ACKNOWLEDGED, detail);
    }
}
