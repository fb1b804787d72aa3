package io.mlconnector.concur.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.ConcurException;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Lenient ESS envelope reader (https://developer.concur.com/api-reference/ess/v4.event-subscription.html): only
 * {@code id} is required.
 */
public final class EventParser {
    private EventParser() {
    }

    /** @throws ConcurException INVALID_MESSAGE when the body is not a JSON object or has no {@code id} */
    public static ConcurEvent parse(byte[] body, String deliveryCorrelationId) {
        JsonNode root;
        try {
            root = ConcurJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "event body is not JSON: "
                    + e.getClass().getSimpleName(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "event body is not a JSON object");
        }
        String id = ConcurJson.text(root, "id");
        if (id == null || id.isBlank()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "event has no id");
        }
        JsonNode facts = root.get("facts");
        if (facts == null || facts.isNull()) {
            facts = ConcurJson.MAPPER.createObjectNode();
        }
        JsonNode data = root.get("data");
        return new ConcurEvent(id, ConcurJson.text(root, "correlationId"), deliveryCorrelationId,
                ConcurJson.text(root, "topic"), ConcurJson.text(root, "eventType"),
                timeStamp(ConcurJson.text(root, "timeStamp")), ConcurJson.text(root, "subtopic"), facts,
                data == null || data.isNull() ? null : data, body.clone());
    }

    private static Instant timeStamp(String text) {
        try {
            return ConcurJson.instant(text);
        } catch (DateTimeException e) {
            return null; // an unreadable time does not make the event unusable; the raw body keeps it
        }
    }
}
