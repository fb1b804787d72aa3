package io.mlconnector.concur.api;

import io.mlconnector.concur.internal.EventParser;
import io.mlconnector.concur.internal.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ESS webhook Source (https://developer.concur.com/api-reference/ess/v4.event-subscription.html): given one
 * delivery as an HTTP server received it, verifies {@code Concur-Signature} over the raw body, parses the envelope
 * leniently and hands the event to the listener synchronously. It says which answer to send: 200 when the listener
 * returned, 500 when it threw (ESS retries), 401 for a missing or bad signature (ESS retries, nothing is lost), 400 for
 * a correctly signed body that is not a valid event (ESS drops it: retrying cannot help). The HTTP server is the
 * runtime's (the Camel adapter uses platform-http), so it also owns the transport limits; keep the listener fast
 * (store, then answer).
 */
public final class ConcurWebhookSource {
    public static final String SIGNATURE_HEADER = "Concur-Signature";
    public static final String CORRELATION_HEADER = "Concur-Correlationid";
    private static final Logger LOG = LoggerFactory.getLogger(ConcurWebhookSource.class);

    private final WebhookSettings settings;
    private volatile SignatureVerifier verifier;

    /** Receives each verified event; throwing makes the delivery answer 500. */
    @FunctionalInterface
    public interface EventListener {
        void onEvent(ConcurEvent event) throws Exception;
    }

    /**
     * Hears about deliveries the Source refused, so the app can keep them: ESS retries 401s but drops 400s.
     * Must not throw; the answer is already decided.
     */
    @FunctionalInterface
    public interface RejectedDeliveryListener {
        void onRejected(RefusedDelivery delivery);
    }

    /**
     * What the Source answered to one delivery. {@code signatureVerified} is true when the body carried a valid
     * Concur signature, i.e. it certainly came from Concur, whatever the answer.
     */
    public record Answer(int status, String message, ConcurEvent event, boolean signatureVerified) {
        public boolean refused() {
            return status / 100 == 4;
        }
    }

    /**
     * A refused delivery: the answer, the raw body, the request headers and the sender's address (as the HTTP server
     * saw it; {@code "unknown"} when the server does not say).
     */
    public record RefusedDelivery(Answer answer, byte[] body, Map<String, List<String>> headers, String clientAddress) {
        public RefusedDelivery {
            headers = Map.copyOf(headers);
        }
    }

    /** @throws ConcurException CONFIGURATION when no key can be read */
    public ConcurWebhookSource(WebhookSettings settings) {
        this.settings = settings;
        reloadKeys();
    }

    /** Re-reads the PEM files (e.g. after the yearly key rotation) without a restart. */
    public void reloadKeys() {
        List<PublicKey> keys = new ArrayList<>(settings.publicKeys());
        keys.addAll(SignatureVerifier.readPem(settings.publicKeyFiles()));
        this.verifier = new SignatureVerifier(keys, settings.signatureAlgorithm());
        LOG.info("Concur webhook: {} signature key(s) loaded, algorithm {}", keys.size(),
                settings.signatureAlgorithm());
    }

    /**
     * Handles one delivery received by the runtime's HTTP server: verify, parse, hand over. Never throws; the answer
     * says which status to send.
     */
    public Answer onDelivery(byte[] body, String signature, String deliveryCorrelationId, EventListener listener) {
        if (!verifier.verify(body, signature)) {
            LOG.warn("Concur webhook: {} signature rejected ({} bytes, Concur-Correlationid={})",
                    signature == null || signature.isBlank() ? "missing" : "bad", body.length, deliveryCorrelationId);
            return new Answer(401, signature == null || signature.isBlank() ? "missing Concur-Signature"
                    : "Concur-Signature does not verify", null, false);
        }
        ConcurEvent event;
        try {
            event = EventParser.parse(body, deliveryCorrelationId);
        } catch (ConcurException e) {
            LOG.error("Concur webhook: signed delivery is not a valid event, answering 400 ({}, {} bytes,"
                    + " Concur-Correlationid={})", e.getMessage(), body.length, deliveryCorrelationId);
            return new Answer(400, "not a valid Concur event: " + e.getMessage(), null, true);
        }
        try {
            listener.onEvent(event);
        } catch (Exception e) {
            LOG.warn("Concur webhook: event {} ({} {}) not accepted by the route, answering 500 so ESS retries: {}",
                    event.id(), event.topic(), event.eventType(), e.toString());
            return new Answer(500, "event not accepted", event, true);
        }
        LOG.info("Concur webhook: event {} ({} {}) accepted concur-correlationid={}", event.id(), event.topic(),
                event.eventType(), event.correlationId());
        return new Answer(200, "accepted", event, true);
    }

    /** The answer's JSON body: {@code {"status":…,"message":"…"}}. */
    public static String responseBody(Answer answer) {
        return "{\"status\":" + answer.status() + ",\"message\":\"" + answer.message().replace("\\", "\\\\")
                .replace("\"", "'") + "\"}";
    }
}
