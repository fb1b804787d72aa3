package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.InsertOutcome;
import io.mlconnector.app.store.Intake;
import io.mlconnector.concur.api.ConcurEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Stores a verified ESS event in the inbox within the webhook request, so the 2xx Concur gets means the event is
 * durable. A second delivery of the same event id is answered 2xx too and only audited (ESS delivers at least once,
 * https://developer.concur.com/api-reference/ess/v4.event-subscription.html). A failure here propagates, and the
 * webhook answers 500 so ESS retries.
 */
final class StoreInInbox implements Processor {
    private final Services services;
    private final Intake intake;
    private final Runnable eventStored;
    private final HandledEvents handled;

    /** @param eventStored told after each new event is stored, so an idle worker takes it at once */
    StoreInInbox(Services services, Runnable eventStored) {
        this.services = services;
        this.intake = new Intake(services.store);
        this.eventStored = eventStored;
        this.handled = new HandledEvents(services.settings.concur());
    }

    /**
     * An event this app does not handle (ESS sends every event of a subscribed topic, e.g. each status change of an
     * expense report) is stored set aside, with the same audit entries a worker would have written: claiming it only
     * to set it aside cost two more transactions per event, while the webhook waited for connections.
     */
    @Override
    public void process(Exchange exchange) throws Exception {
        ConcurEvent event = exchange.getMessage().getMandatoryBody(ConcurEvent.class);
        InboxEvent row = new InboxEvent(event.id(), event.topic(), event.eventType(), null,
                event.businessId().orElse(null), event.rawText());
        String notHandled = handled.whyNotHandled(event);
        InsertOutcome outcome = notHandled == null ? intake.accept(row) : intake.setAside(row, notHandled);
        services.metrics.eventReceived(event.normalizedTopic());
        if (outcome.isDuplicate()) {
            services.metrics.duplicateDelivery();
        } else if (notHandled == null) {
            eventStored.run();
        }
    }
}
