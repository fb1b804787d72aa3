package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisDocument;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET the financial document named by the readyForIntegration event (concur-api.md §4.2), with
 * {@code ignoreDocumentStatus} so a retry after the acknowledgement still finds it. Audits a content hash, so what was
 * posted can later be matched with what Concur sent.
 */
final class FetchFisDocument implements Processor {
    private final Services services;

    FetchFisDocument(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        FisDocType docType = work.event.fisDocType().orElseThrow(() -> new DocumentRejected("not-a-fis-event",
                java.util.List.of(), java.util.List.of("event " + work.event.id() + " names no FIS docType")));
        String businessId = work.businessId();
        FisDocument document = services.fis.withCorrelationId(work.event.correlationId())
                .getDocument(docType, businessId, true)
                .orElseThrow(() -> new IllegalStateException("FIS has no " + docType.value() + " document "
                        + businessId + " yet"));
        work.docType = docType;
        work.fisDocument = document;
        work.keys = work.keys.withFisDocumentId(document.id()).withReportId(document.businessId());
        // the ERP's answer names a chunk, hence the FIS document: this is how it finds the event to continue
        services.store.inbox().recordFisDocumentId(work.entry.id(), document.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("docType", docType.value());
        detail.put("businessId", document.businessId());
        detail.put("amount", document.totalAmount() == null ? null : document.totalAmount().toPlainString());
        detail.put("currency", document.currency());
        detail.put("journalLines", document.journalLines().size());
        detail.put("sha256", ContentHash.sha256(document.json().toString()));
        services.store.audit().append(work.keys, AuditStep.DOCUMENT_FETCHED, detail);
    }
}
