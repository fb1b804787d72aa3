package io.mlconnector.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.ops.HealthCheck;
import io.mlconnector.app.ops.Metrics;
import io.mlconnector.app.ops.Readiness;
import io.mlconnector.app.store.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin HTTP API on the admin port.
 * <ul>
 *   <li>{@code GET /health/live} — 200 while the process runs;</li>
 *   <li>{@code GET /health/ready} — 200 when every readiness check is up, else 503 (JSON per check);</li>
 *   <li>{@code GET /metrics} — Prometheus text exposition;</li>
 *   <li>{@code GET /admin/status}, {@code GET /admin/audit?id=…}, {@code POST /admin/replay/{id}} — JSON, only with
 *       {@code Authorization: Bearer <admin.token>} (401 otherwise; an empty configured token refuses every call).</li>
 * </ul>
 * Health and metrics are unauthenticated, as probes and scrapers expect; they reveal no document data.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPLAY_PATH = Pattern.compile("/admin/replay/([^/]+)");

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] token;
    private final AdminService admin;
    private final Readiness readiness;
    private final Metrics metrics;

    private AdminServer(HttpServer server, ExecutorService executor, String token, AdminService admin,
                        Readiness readiness, Metrics metrics) {
        this.server = server;
        this.executor = executor;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.admin = admin;
        this.readiness = readiness;
        this.metrics = metrics;
    }

    /** Binds {@code admin.host:admin.port} with {@code admin.token} from the configuration and starts serving. */
    public static AdminServer start(AppConfig config, AdminService admin, Readiness readiness, Metrics metrics) {
        return start(config.adminHost(), config.adminPort(), config.adminToken(), admin, readiness, metrics);
    }

    /** Binds {@code host:port} ({@code 0} = ephemeral) and starts serving. */
    public static AdminServer start(String host, int port, String token, AdminService admin, Readiness readiness,
                                    Metrics metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "admin-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            AdminServer adminServer = new AdminServer(server, executor, token == null ? "" : token, admin, readiness, metrics);
            server.createContext("/", adminServer::handle);
            server.start();
            if (adminServer.token.length == 0) {
                LOG.warn("admin.token is empty: every /admin call will be refused with 401");
            }
            return adminServer;
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the admin server to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        } catch (RuntimeException e) {
            LOG.warn("admin request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    e.toString());
            sendJson(exchange, 500, error("internal error: " + e.getClass().getSimpleName()));
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/health/live" -> get(ex, method, () -> sendJson(ex, 200, JSON.createObjectNode().put("status", "UP")));
            case "/health/ready" -> get(ex, method, () -> ready(ex));
            case "/metrics" -> get(ex, method, () -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8)));
            case "/admin/status" -> authorised(ex, () -> get(ex, method, () -> sendJson(ex, 200, status())));
            case "/admin/audit" -> authorised(ex, () -> get(ex, method, () -> audit(ex)));
            default -> {
                Matcher replay = REPLAY_PATH.matcher(path);
                if (replay.matches()) {
                    authorised(ex, () -> post(ex, method, () -> replay(ex, replay.group(1))));
                } else {
                    sendJson(ex, 404, error("no such endpoint: " + path));
                }
            }
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void get(HttpExchange ex, String method, Action action) throws IOException {
        onlyMethod(ex, method, "GET", action);
    }

    private void post(HttpExchange ex, String method, Action action) throws IOException {
        onlyMethod(ex, method, "POST", action);
    }

    private void onlyMethod(HttpExchange ex, String method, String allowed, Action action) throws IOException {
        if (!allowed.equals(method)) {
            ex.getResponseHeaders().set("Allow", allowed);
            sendJson(ex, 405, error("use " + allowed));
            return;
        }
        action.run();
    }

    private void authorised(HttpExchange ex, Action action) throws IOException {
        String header = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("");
        byte[] presented = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // Constant-time comparison: the time to refuse does not reveal how much of the token matched.
        if (token.length == 0 || !MessageDigest.isEqual(token, presented)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ml-connector admin\"");
            sendJson(ex, 401, error("missing or wrong bearer token"));
            return;
        }
        action.run();
    }

    private void ready(HttpExchange ex) throws IOException {
        Map<String, HealthCheck.Result> results = readiness.evaluate();
        boolean up = Readiness.allUp(results);
        ObjectNode body = JSON.createObjectNode().put("status", up ? "UP" : "DOWN");
        ObjectNode checks = body.putObject("checks");
        results.forEach((name, r) -> checks.putObject(name).put("status", r.up() ? "UP" : "DOWN").put("detail", r.detail()));
        sendJson(ex, up ? 200 : 503, body);
    }

    private ObjectNode status() {
        StatusReport report = admin.status();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode inbox = body.putObject("inbox");
        report.inbox().forEach((state, n) -> inbox.put(state.name(), n));
        ObjectNode ledger = body.putObject("ledger");
        report.ledger().forEach((state, n) -> ledger.put(state.name(), n));
        body.put("chunksInDoubt", report.chunksInDoubt());
        body.put("chunksAwaitingErp", report.chunksAwaitingErp());
        body.put("openExceptions", report.openExceptions());
        body.put("quarantined", report.quarantined());
        return body;
    }

    private void audit(HttpExchange ex) throws IOException {
        String id = queryParam(ex.getRequestURI(), "id");
        if (id == null || id.isBlank()) {
            sendJson(ex, 400, error("query parameter 'id' is required (report id, FIS document id, messageId or ESS event id)"));
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("id", id);
        ArrayNode entries = body.putArray("entries");
        for (AuditEntry e : admin.audit(id)) {
            entries.add(auditJson(e));
        }
        sendJson(ex, 200, body);
    }

    /** The JSON shape of one audit entry (also used by {@code ml-connector audit --json}). */
    public static ObjectNode auditJson(AuditEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", e.at().toString());
        node.put("step", e.step());
        node.put("essEventId", e.keys().essEventId());
        node.put("reportId", e.keys().reportId());
        node.put("fisDocumentId", e.keys().fisDocumentId());
        node.put("messageId", e.keys().messageId());
        node.set("detail", e.detail());
        return node;
    }

    private void replay(HttpExchange ex, String rawId) throws IOException {
        String id = URLDecoder.decode(rawId, StandardCharsets.UTF_8);
        ReplayResult result = admin.replay(id);
        ObjectNode body = JSON.createObjectNode().put("id", id);
        ArrayNode replayed = body.putArray("replayed");
        result.replayedEventIds().forEach(replayed::add);
        if (!result.replayedAny()) {
            body.put("error", "no DEAD or FAILED_RETRYING inbox row for " + id);
        }
        sendJson(ex, result.replayedAny() ? 200 : 404, body);
    }

    private static String queryParam(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void sendJson(HttpExchange ex, int status, ObjectNode body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
