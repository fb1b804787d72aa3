package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.concur.camel.ConcurHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET the financial document named by the readyForIntegration event
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html), with
 * {@code ignoreDocumentStatus} so a retry after the acknowledgement still finds it. Audits a content hash, so what was
 * posted can later be matched with what Concur sent.
 */
final class FetchFisDocument {
    /** The route's call: the {@code concur:} component reads the document by its business id. */
    static final String ENDPOINT = "concur:fis-document?ignoreDocumentStatus=true";

    private final Services services;

    FetchFisDocument(Services services) {
        this.services = services;
    }

    /** The request: the event's docType, business id and correlation id as the component's headers. */
    void request(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        FisDocType docType = work.event.fisDocType().orElseThrow(() -> new DocumentRejected(RejectionReason.NOT_A_FIS_EVENT,
                List.of(), List.of("event " + work.event.id() + " names no FIS docType")));
        work.docType = docType;
        Message message = exchange.getMessage();
        message.setHeader(ConcurHeaders.FIS_DOC_TYPE, docType.value());
        message.setHeader(ConcurHeaders.DOC_ID, work.businessId());
        message.setHeader(ConcurHeaders.CORRELATION_ID, work.event.correlationId());
    }

    /** Concur's answer: the document, or none yet (the event came before FIS had it: try again later). */
    void fetched(Exchange exchange) {
        FisDocument document = exchange.getMessage().getBody(FisDocument.class);
        DocumentWork work = DocumentWork.resume(exchange);
        if (document == null) {
            throw new RetryLater("FIS has no " + work.docType.value() + " document " + work.businessId()
                    + " yet");
        }
        work.fisDocument = document;
        work.keys = work.keys.withFisDocumentId(document.id()).withReportId(document.businessId());
        // the ERP's answer names a chunk, hence the FIS document: this is how it finds the event to continue
        services.store.inbox().recordFisDocumentId(work.entry.id(), document.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("docType", work.docType.value());
        detail.put("businessId", document.businessId());
        detail.put("docStatus", document.docStatus());
        detail.put("amount", document.totalAmount() == null ? null : document.totalAmount().toPlainString());
        detail.put("currency", document.currency());
        detail.put("journalLines", document.journalLines().size());
        detail.put("sha256", ContentHash.sha256(document.json().toString()));
        services.store.audit().append(work.keys, AuditStep.DOCUMENT_FETCHED, detail);
    }
}
