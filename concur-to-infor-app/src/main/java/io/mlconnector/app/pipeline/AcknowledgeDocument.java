package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.camel.ConcurHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.List;
import java.util.Map;

/**
 * Acknowledges the document before anything is posted: it leaves Concur's ready queue and can no longer be recalled
 * while it posts
 * (https://developer.concur.com/api-guides/ERP-integration/posting-via-financial-integration-service.html, step 3). 101
 * (already acknowledged) is a retry of ours and fine; 102 means the processor recalled it first: it is never posted. A
 * document already confirmed to Concur as error is not acknowledged (nor posted) again.
 */
final class AcknowledgeDocument {
    /** The route's call: the {@code concur:} component acknowledges one FIS document id. */
    static final String ENDPOINT = "concur:acknowledge";

    /**
     * The docStatus of a document acknowledged already: by an earlier attempt of this event or, for an event the ERP's
     * answer brought back, by the document's first event. Acknowledging it again would only be answered 101.
     */
    private static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    private final Services services;

    AcknowledgeDocument(Services services) {
        this.services = services;
    }

    /** True unless the document is closed at Concur already or shows it was acknowledged. */
    static boolean isDue(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        return !work.finished && !ACKNOWLEDGED.equals(work.fisDocument.docStatus());
    }

    /** The request: the FIS document id (not the report id), its docType and the event's correlation id. */
    void request(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        Message message = exchange.getMessage();
        message.setHeader(ConcurHeaders.FIS_DOC_TYPE, work.docType.value());
        message.setHeader(ConcurHeaders.FIS_DOCUMENT_ID, work.fisDocumentId());
        message.setHeader(ConcurHeaders.CORRELATION_ID, work.event.correlationId());
    }

    /** Concur's answer for the one id. */
    void acknowledged(Exchange exchange) {
        FisItemResult result = onlyResult(exchange);
        DocumentWork work = DocumentWork.resume(exchange);
        Map<String, Object> detail = Map.of("code", result.code(), "outcome", result.outcome().name());
        if (result.outcome().isRecalled()) {
            work.recalled = true;
            services.store.audit().append(work.keys, AuditStep.RECALLED, detail);
            return;
        }
        if (!result.isDone()) {
            throw new RetryLater("Concur refused the acknowledgement of " + work.fisDocumentId()
                    + ": code " + result.code() + " " + result.errorMessage());
        }
        services.store.audit().append(work.keys, AuditStep.ACKNOWLEDGED, detail);
    }

    /** The one item result Concur answered for a call about one document (the {@code concur:} body is a list). */
    static FisItemResult onlyResult(Exchange exchange) {
        List<?> results = exchange.getMessage().getBody(List.class);
        if (results == null || results.size() != 1 || !(results.get(0) instanceof FisItemResult result)) {
            throw new IllegalStateException("Concur answered " + results + " for one document");
        }
        return result;
    }
}
