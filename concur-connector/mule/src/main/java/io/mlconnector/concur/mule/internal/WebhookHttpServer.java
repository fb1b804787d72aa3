package io.mlconnector.concur.mule.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.ConcurWebhookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook listener's own port, for Mule deployments without an HTTP listener in front: a JDK HTTP server that
 * hands each POST to the {@link ConcurWebhookSource} and sends its answer. It has no read timeout or connection
 * limit; on a port the internet reaches, put Mule's HTTP listener (with its timeouts and TLS) in front and use the
 * {@code verify-event} operation instead.
 */
final class WebhookHttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHttpServer.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int THREADS = 8;
    /**
     * Without it the JDK server leaves Nagle's algorithm on and writes an answer's head and body apart, and the body
     * waits for the sender's delayed ACK: some 40 ms per delivery
     * (https://docs.oracle.com/en/java/javase/21/docs/api/jdk.httpserver/module-summary.html, read by Java 17 too).
     * The JDK reads it when the JVM's first JDK server starts; a value the runtime was given is kept.
     */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;
    private final String path;

    private WebhookHttpServer(HttpServer server, ExecutorService executor, String host, String path) {
        this.server = server;
        this.executor = executor;
        this.host = host;
        this.path = path;
    }

    static WebhookHttpServer start(String host, int port, String path, ConcurWebhookSource source,
                                   ConcurWebhookSource.EventListener listener) {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 100);
        } catch (IOException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "webhook cannot listen on " + host + ":" + port, e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "concur-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        String normalized = path.startsWith("/") ? path : "/" + path;
        server.createContext(normalized, exchange -> serve(exchange, normalized, source, listener));
        server.start();
        WebhookHttpServer started = new WebhookHttpServer(server, executor, host, normalized);
        LOG.info("Concur webhook listening on {}:{}{}", host, server.getAddress().getPort(), normalized);
        return started;
    }

    /** The listening URL; with port 0, the port actually bound. */
    URI uri() {
        String reachable = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        return URI.create("http://" + reachable + ":" + server.getAddress().getPort() + path);
    }

    /** Stops listening; deliveries in progress get up to 5 s (ESS delivers again what was not answered 2xx). */
    void stop() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void serve(HttpExchange exchange, String path, ConcurWebhookSource source,
                              ConcurWebhookSource.EventListener listener) throws IOException {
        try (exchange) {
            if (!path.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "{\"status\":404,\"message\":\"not found\"}");
                return;
            }
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, "{\"status\":405,\"message\":\"POST only\"}");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                respond(exchange, 413, "{\"status\":413,\"message\":\"body larger than " + MAX_BODY_BYTES + " bytes\"}");
                return;
            }
            ConcurWebhookSource.Answer answer = source.onDelivery(body,
                    exchange.getRequestHeaders().getFirst(ConcurWebhookSource.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(ConcurWebhookSource.CORRELATION_HEADER), listener);
            respond(exchange, answer.status(), ConcurWebhookSource.responseBody(answer));
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
