package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A verified ESS webhook event (https://developer.concur.com/api-reference/ess/v4.event-subscription.html), parsed
 * leniently. {@link #id()} is the de-duplication key ESS recommends.
 *
 * @param id                    the event id
 * @param correlationId         the envelope's correlationId (opaque, not necessarily a UUID)
 * @param deliveryCorrelationId the {@code Concur-Correlationid} header of the delivery, if sent
 * @param topic                 the topic as sent (with or without {@code public.})
 * @param eventType             e.g. {@code statusChanged}, {@code expense.readyForIntegration}
 * @param timeStamp             the event time ({@code Z} or {@code +0000} offsets), null when absent
 * @param subtopic              FIS events: the entity id
 * @param facts                 the event content (never null; an empty object when absent)
 * @param data                  {@code data} (null for FIS events)
 * @param rawBody               the exact bytes that were signed
 */
public record ConcurEvent(String id, String correlationId, String deliveryCorrelationId, String topic,
                          String eventType, Instant timeStamp, String subtopic, JsonNode facts, JsonNode data,
                          byte[] rawBody) {

    public static final String TOPIC_FINANCIAL_INTEGRATION = "public.concur.financialintegration";
    public static final String TOPIC_EXPENSE_REPORT = "public.concur.expense.report";
    public static final String TOPIC_INVOICE_PAYMENT_REQUEST = "public.concur.invoice.paymentrequest";

    /**
     * Re-reads an event from its stored raw body (e.g. from the app's inbox) without verifying a signature: only for
     * bodies that were verified when they were received.
     *
     * @throws ConcurException INVALID_MESSAGE when the body is not a JSON object with an {@code id}
     */
    public static ConcurEvent parse(byte[] rawBody, String deliveryCorrelationId) {
        return io.mlconnector.concur.internal.EventParser.parse(rawBody, deliveryCorrelationId);
    }

    /** The topic with the {@code public.} prefix (samples send {@code concur.expense.report} without it). */
    public String normalizedTopic() {
        if (topic == null) {
            return null;
        }
        return topic.startsWith("public.") ? topic : "public." + topic;
    }

    /** A fact as text, if present and not null. */
    public Optional<String> fact(String name) {
        JsonNode v = facts == null ? null : facts.get(name);
        return v == null || v.isNull() || v.isContainerNode() ? Optional.empty() : Optional.of(v.asText());
    }

    /** {@code facts.href}: the document or report to read (absent for reportDeleted). */
    public Optional<String> href() {
        return fact("href");
    }

    /** {@code facts.documentId} (FIS: report/request/cash-advance id, the GET {@code docId}). */
    public Optional<String> documentId() {
        return fact("documentId");
    }

    /** {@code facts.companyId}. */
    public Optional<String> companyId() {
        return fact("companyId");
    }

    /** {@code facts.reportId} (expense events). */
    public Optional<String> reportId() {
        return fact("reportId");
    }

    /** True for {@code *.readyForIntegration} on the financial-integration topic. */
    public boolean isReadyForIntegration() {
        return TOPIC_FINANCIAL_INTEGRATION.equals(normalizedTopic()) && eventType != null
                && eventType.endsWith(".readyForIntegration");
    }

    /** What the event is, from its topic and event type: the decision every flow over events switches on. */
    public ConcurEventKind kind() {
        String normalized = normalizedTopic();
        if (TOPIC_EXPENSE_REPORT.equals(normalized)) {
            return ConcurEventKind.EXPENSE_REPORT;
        }
        if (TOPIC_INVOICE_PAYMENT_REQUEST.equals(normalized)) {
            return ConcurEventKind.PAYMENT_REQUEST;
        }
        return fisDocType().isPresent() ? ConcurEventKind.FIS_DOCUMENT_READY : ConcurEventKind.OTHER;
    }

    /**
     * The id of the report, payment request or cash advance the event is about: {@code facts.documentId} (FIS), else
     * {@code facts.reportId} (expense report events), else {@code facts.requestId} (payment request events).
     */
    public Optional<String> businessId() {
        return documentId().or(this::reportId).or(() -> fact("requestId"));
    }

    /** The FIS docType of a readyForIntegration event ({@code expense.readyForIntegration} → EXPENSE). */
    public Optional<FisDocType> fisDocType() {
        if (!isReadyForIntegration()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FisDocType.of(eventType));
        } catch (ConcurException e) {
            return Optional.empty();
        }
    }

    /** The raw body as UTF-8 text (what the inbox stores). */
    public String rawText() {
        return new String(rawBody, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConcurEvent e && java.util.Objects.equals(id, e.id)
                && java.util.Arrays.equals(rawBody, e.rawBody);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, java.util.Arrays.hashCode(rawBody));
    }

    @Override
    public String toString() {
        return "ConcurEvent[id=" + id + ", topic=" + topic + ", eventType=" + eventType + ", timeStamp=" + timeStamp
                + ", correlationId=" + correlationId + "]";
    }
}
