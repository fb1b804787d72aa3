package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.InsertOutcome;
import io.mlconnector.concur.api.ConcurEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a verified ESS event in the inbox within the webhook request, so the 2xx Concur gets means the event is
 * durable. A second delivery of the same event id is answered 2xx too and only audited (ESS delivers at least once,
 * concur-api.md §3.5). A failure here propagates, and the webhook answers 500 so ESS retries.
 */
final class Intake implements Processor {
    private final Services services;

    Intake(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ConcurEvent event = exchange.getMessage().getMandatoryBody(ConcurEvent.class);
        InsertOutcome outcome = services.store.inbox().insertIfAbsent(new InboxEvent(event.id(), event.topic(),
                event.eventType(), event.documentId().orElse(null), event.reportId().orElse(event.documentId().orElse(null)),
                event.rawText()));
        services.metrics.eventReceived(event.normalizedTopic());
        AuditKeys keys = AuditKeys.event(event.id()).withReportId(event.documentId().orElse(event.reportId().orElse(null)));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("topic", event.topic());
        detail.put("eventType", event.eventType());
        detail.put("concurCorrelationId", event.correlationId());
        if (outcome.isDuplicate()) {
            services.metrics.duplicateDelivery();
            services.store.audit().append(keys, "duplicate delivery", detail);
        } else {
            services.store.audit().append(keys, "event received", detail);
        }
    }
}
