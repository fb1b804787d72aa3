package io.mlconnector.concur.mule.api;

import java.io.Serializable;

/**
 * What the webhook source and {@code verify-event} tell beside the event body: the fields a flow routes and
 * de-duplicates on ({@link #getEventId()} is the de-duplication key).
 */
public class ConcurEventAttributes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String eventId;
    private final String topic;
    private final String eventType;
    private final String correlationId;
    private final String documentId;
    private final String fisDocType;

    public ConcurEventAttributes(String eventId, String topic, String eventType, String correlationId,
                                 String documentId, String fisDocType) {
        this.eventId = eventId;
        this.topic = topic;
        this.eventType = eventType;
        this.correlationId = correlationId;
        this.documentId = documentId;
        this.fisDocType = fisDocType;
    }

    /** The event id: the de-duplication key. */
    public String getEventId() { return eventId; }
    /** The topic as sent. */
    public String getTopic() { return topic; }
    /** E.g. {@code expense.readyForIntegration}. */
    public String getEventType() { return eventType; }
    /** The envelope's correlation id; send it back on the FIS calls about this event. */
    public String getCorrelationId() { return correlationId; }
    /** {@code facts.documentId}: the report or request id to fetch, if the event has one. */
    public String getDocumentId() { return documentId; }
    /** The FIS docType of a readyForIntegration event ({@code EXPENSE}, {@code INVOICE}), else null. */
    public String getFisDocType() { return fisDocType; }
}
