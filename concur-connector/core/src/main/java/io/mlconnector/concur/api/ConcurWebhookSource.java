package io.mlconnector.concur.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.concur.internal.EventParser;
import io.mlconnector.concur.internal.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ESS webhook Source (notes §3.3–3.5): receives deliveries, verifies {@code Concur-Signature} over the raw body,
 * parses the envelope leniently and hands each event to the listener synchronously. Answers: 200 when the listener
 * returned, 500 when it threw (ESS retries), 401 for a missing or bad signature (ESS retries, nothing is lost), 400 for
 * a correctly signed body that is not a valid event (ESS drops it: retrying cannot help), 405/413 for wrong method or
 * oversized body. The Source does not process events; keep the listener fast (store, then answer).
 */
public final class ConcurWebhookSource implements AutoCloseable {
    public static final String SIGNATURE_HEADER = "Concur-Signature";
    public static final String CORRELATION_HEADER = "Concur-Correlationid";
    private static final Logger LOG = LoggerFactory.getLogger(ConcurWebhookSource.class);

    private final WebhookSettings settings;
    private volatile SignatureVerifier verifier;
    private HttpServer server;
    private ExecutorService executor;

    /** Receives each verified event; throwing makes the delivery answer 500. */
    @FunctionalInterface
    public interface EventListener {
        void onEvent(ConcurEvent event) throws Exception;
    }

    /**
     * Hears about deliveries the Source refused (bad or missing signature, not an event, too large), with the raw
     * body, so the app can keep them: ESS retries 401s but drops 400s (notes §3.5), and a finance team loses nothing.
     * Must not throw; the answer is already decided.
     */
    @FunctionalInterface
    public interface RejectedDeliveryListener {
        void onRejected(Answer answer, byte[] body, Map<String, List<String>> headers);
    }

    /** What the Source answered to one delivery. */
    public record Answer(int status, String message, ConcurEvent event) {
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

    /** Binds the HTTP listener and delivers verified events to the listener. */
    public synchronized void start(EventListener listener) {
        start(listener, (answer, body, headers) -> { });
    }

    /** Like {@link #start(EventListener)}, telling {@code rejected} about every refused delivery. */
    public synchronized void start(EventListener listener, RejectedDeliveryListener rejected) {
        if (server != null) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "webhook source already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 100);
        } catch (IOException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "webhook cannot listen on " + settings.host()
                    + ":" + settings.port(), e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "concur-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(settings.path(), exchange -> serve(exchange, listener, rejected));
        server.start();
        LOG.info("Concur webhook listening on {}", uri());
    }

    /** The listening URL (after {@link #start}); with port 0, the port actually bound. */
    public URI uri() {
        if (server == null) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "webhook source not started");
        }
        String host = "0.0.0.0".equals(settings.host()) ? "127.0.0.1" : settings.host();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + settings.path());
    }

    /**
     * Handles one delivery already received by another HTTP server (e.g. the app's own listener): verify, parse,
     * hand over. Never throws; the answer says which status to send.
     */
    public Answer onDelivery(byte[] body, String signature, String deliveryCorrelationId, EventListener listener) {
        if (!verifier.verify(body, signature)) {
            LOG.warn("Concur webhook: {} signature rejected ({} bytes, Concur-Correlationid={})",
                    signature == null || signature.isBlank() ? "missing" : "bad", body.length, deliveryCorrelationId);
            return new Answer(401, signature == null || signature.isBlank() ? "missing Concur-Signature"
                    : "Concur-Signature does not verify", null);
        }
        ConcurEvent event;
        try {
            event = EventParser.parse(body, deliveryCorrelationId);
        } catch (ConcurException e) {
            LOG.error("Concur webhook: signed delivery is not a valid event, answering 400 ({}, {} bytes,"
                    + " Concur-Correlationid={})", e.getMessage(), body.length, deliveryCorrelationId);
            return new Answer(400, "not a valid Concur event: " + e.getMessage(), null);
        }
        try {
            listener.onEvent(event);
        } catch (Exception e) {
            LOG.warn("Concur webhook: event {} ({} {}) not accepted by the route, answering 500 so ESS retries: {}",
                    event.id(), event.topic(), event.eventType(), e.toString());
            return new Answer(500, "event not accepted", event);
        }
        LOG.info("Concur webhook: event {} ({} {}) accepted concur-correlationid={}", event.id(), event.topic(),
                event.eventType(), event.correlationId());
        return new Answer(200, "accepted", event);
    }

    private void serve(HttpExchange exchange, EventListener listener, RejectedDeliveryListener rejected)
            throws IOException {
        try (exchange) {
            if (!settings.path().equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "not found");
                return;
            }
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, "POST only");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                Answer tooLarge = new Answer(413, "body larger than " + settings.maxBodyBytes() + " bytes", null);
                tellRejected(rejected, tooLarge, new byte[0], exchange);
                respond(exchange, tooLarge.status(), tooLarge.message());
                return;
            }
            Answer answer = onDelivery(body, exchange.getRequestHeaders().getFirst(SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(CORRELATION_HEADER), listener);
            if (answer.status() / 100 == 4) {
                tellRejected(rejected, answer, body, exchange);
            }
            respond(exchange, answer.status(), answer.message());
        }
    }

    private static void tellRejected(RejectedDeliveryListener rejected, Answer answer, byte[] body,
                                     HttpExchange exchange) {
        try {
            rejected.onRejected(answer, body, Map.copyOf(exchange.getRequestHeaders()));
        } catch (RuntimeException e) {
            LOG.error("Concur webhook: keeping a refused delivery failed: {}", e.toString());
        }
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
        return body.length > settings.maxBodyBytes() ? null : body;
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("{\"status\":" + status + ",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "'")
                + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Stops listening; handlers in progress get up to 5 s to finish. A delivery cut off here was not answered 2xx,
     * so ESS delivers it again (at least once, notes §3.5).
     */
    public synchronized void stop() {
        if (server != null) {
            // stop(0): on Java 17 stop(n) always waits the full n seconds
            server.stop(0);
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
            executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
