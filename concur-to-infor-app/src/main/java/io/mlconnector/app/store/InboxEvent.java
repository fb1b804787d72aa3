package io.mlconnector.app.store;

import java.util.Objects;

/**
 * A verified ESS event as it arrives on the webhook.
 *
 * @param essEventId    the ESS event id (unique: a second delivery of it is a duplicate)
 * @param topic         e.g. {@code public.concur.financialintegration}
 * @param eventType     e.g. {@code expense.readyForIntegration}
 * @param fisDocumentId the FIS document id from the event's facts, when there is one
 * @param reportId      the Concur report (or payment request) id, when there is one
 * @param body          the raw JSON body as received
 */
public record InboxEvent(String essEventId, String topic, String eventType, String fisDocumentId, String reportId,
                         String body) {
    public InboxEvent {
        Objects.requireNonNull(essEventId, "essEventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(body, "body");
    }
}
