package io.mlconnector.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.AppSettings;
import io.mlconnector.app.http.HttpEdge;
import io.mlconnector.app.http.JsonErrors;
import io.mlconnector.app.http.Listener;
import io.mlconnector.app.http.ListenerSettings;
import io.mlconnector.app.console.WebHandler;
import io.mlconnector.app.console.WebRequest;
import io.mlconnector.app.console.WebResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.mlconnector.app.ops.HealthCheck;
import io.mlconnector.app.ops.Metrics;
import io.mlconnector.app.ops.Readiness;
import io.mlconnector.app.store.AuditEntry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin HTTP API on the admin port.
 * <ul>
 *   <li>{@code GET /health/live} — 200 while the process runs (answered on the event loop, so a busy worker pool
 *       cannot make a healthy pod look dead);</li>
 *   <li>{@code GET /health/ready} — 200 when every readiness check is up, else 503 (JSON per check);</li>
 *   <li>{@code GET /metrics} — Prometheus text exposition;</li>
 *   <li>{@code GET /admin/status}, {@code GET /admin/audit?id=…}, {@code POST /admin/replay/{id}} — JSON, only with
 *       {@code Authorization: Bearer <admin.token>} (401 otherwise; an empty configured token refuses every call).</li>
 * </ul>
 * Health and metrics are unauthenticated, as probes and scrapers expect; they reveal no document data. Every error,
 * including an unknown path, a wrong method, a malformed request and a failure inside a handler, is answered with a
 * JSON body and its status. The routes are plain Vert.x handlers on the admin {@link Listener}, so they answer
 * whatever state the Camel routes are in (starting, stopping); Camel routes can share the port through its
 * {@code admin-http} component.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Report ids, FIS document ids, ESS event ids and ION message ids: letters, digits and a few separators. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N} ._:@-]{1,200}");

    private final Listener listener;
    private final HttpEdge ownedEdge;
    private final byte[] token;
    private final AdminService admin;
    private final Readiness readiness;
    private final Metrics metrics;
    private final List<WebHandler> handlers;

    private AdminServer(Listener listener, HttpEdge ownedEdge, String token, AdminService admin, Readiness readiness,
                        Metrics metrics, List<WebHandler> handlers) {
        this.handlers = List.copyOf(handlers);
        this.listener = listener;
        this.ownedEdge = ownedEdge;
        this.token = (token == null ? "" : token).getBytes(StandardCharsets.UTF_8);
        this.admin = admin;
        this.readiness = readiness;
        this.metrics = metrics;
    }

    /**
     * Binds {@code admin.host:admin.port} on an HTTP edge of its own (closed with this server), with
     * {@code admin.token} and the {@code http.*} limits from the configuration, and starts serving.
     */
    public static AdminServer start(AppSettings settings, AdminService admin, Readiness readiness, Metrics metrics) {
        return start(settings, settings.admin().listener(), settings.admin().token(), admin, readiness, metrics,
                List.of());
    }

    /** Binds {@code host:port} ({@code 0} = ephemeral) with the default limits and starts serving. */
    public static AdminServer start(String host, int port, String token, AdminService admin, Readiness readiness,
                                    Metrics metrics) {
        return start(host, port, token, admin, readiness, metrics, List.of());
    }

    /** Like {@link #start(String, int, String, AdminService, Readiness, Metrics)}, also serving {@code handlers}. */
    public static AdminServer start(String host, int port, String token, AdminService admin, Readiness readiness,
                                    Metrics metrics, List<WebHandler> handlers) {
        AppSettings defaults = AppConfig.defaultsOnly().settings();
        ListenerSettings base = defaults.admin().listener();
        return start(defaults, new ListenerSettings(base.name(), host, port, base.limits(), base.tls()), token, admin,
                readiness, metrics, handlers);
    }

    private static AdminServer start(AppSettings settings, ListenerSettings listenerSettings, String token,
                                     AdminService admin, Readiness readiness, Metrics metrics,
                                     List<WebHandler> handlers) {
        HttpEdge edge = HttpEdge.create(settings.httpWorkerThreads());
        try {
            Listener listener = edge.prepare(listenerSettings);
            AdminServer server = serve(new AdminServer(listener, edge, token, admin, readiness, metrics, handlers));
            listener.start();
            return server;
        } catch (RuntimeException e) {
            edge.close();
            throw e;
        }
    }

    /**
     * Serves the admin API, and {@code handlers} (the console, the admin API's lists) after it, on an existing
     * listener (the app's admin port); closing it leaves the listener open.
     */
    public static AdminServer on(Listener listener, String token, AdminService admin, Readiness readiness,
                                 Metrics metrics, List<WebHandler> handlers) {
        return serve(new AdminServer(listener, null, token, admin, readiness, metrics, handlers));
    }

    private static AdminServer serve(AdminServer server) {
        Router router = server.listener.router();
        router.get("/health/live").handler(c -> sendJson(c, 200, JSON.createObjectNode().put("status", "UP")));
        router.get("/health/ready").blockingHandler(server::ready, false);
        router.get("/metrics").blockingHandler(server::metrics, false);
        router.get("/admin/status").handler(server::authorised)
                .blockingHandler(c -> sendJson(c, 200, server.status()), false);
        router.get("/admin/audit").handler(server::authorised).blockingHandler(server::audit, false);
        router.post("/admin/replay/:id").handler(server::authorised).blockingHandler(server::replay, false);
        if (!server.handlers.isEmpty()) {
            router.route().blockingHandler(server::delegated, false);
        }
        if (server.token.length == 0) {
            LOG.warn("admin.token is empty: every /admin call will be refused with 401");
        }
        return server;
    }

    public URI baseUri() {
        return listener.baseUri();
    }

    @Override
    public void close() {
        if (ownedEdge != null) {
            ownedEdge.close();
        }
    }

    private void authorised(RoutingContext c) {
        String header = Optional.ofNullable(c.request().getHeader(HttpHeaders.AUTHORIZATION)).orElse("");
        byte[] presented = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // Constant-time comparison: the time to refuse does not reveal how much of the token matched.
        if (token.length == 0 || !MessageDigest.isEqual(token, presented)) {
            c.response().putHeader("WWW-Authenticate", "Bearer realm=\"ml-connector admin\"");
            JsonErrors.send(c, 401, "missing or wrong bearer token");
            return;
        }
        c.next();
    }

    private void ready(RoutingContext c) {
        Map<String, HealthCheck.Result> results = readiness.evaluate();
        boolean up = Readiness.allUp(results);
        ObjectNode body = JSON.createObjectNode().put("status", up ? "UP" : "DOWN");
        ObjectNode checks = body.putObject("checks");
        results.forEach((name, r) -> checks.putObject(name).put("status", r.up() ? "UP" : "DOWN").put("detail", r.detail()));
        sendJson(c, up ? 200 : 503, body);
    }

    private void metrics(RoutingContext c) {
        c.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.scrape());
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

    private void audit(RoutingContext c) {
        String id = c.queryParams().get("id");
        if (id == null || id.isBlank()) {
            JsonErrors.send(c, 400, "query parameter 'id' is required (report id, FIS document id, messageId or ESS"
                    + " event id)");
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("id", id);
        ArrayNode entries = body.putArray("entries");
        for (AuditEntry e : admin.audit(id)) {
            entries.add(auditJson(e));
        }
        sendJson(c, 200, body);
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

    private void replay(RoutingContext c) {
        String id = c.pathParam("id");
        if (!ID.matcher(id).matches()) {
            JsonErrors.send(c, 400, "not a document or event id: use letters, digits, spaces and . _ : @ -");
            return;
        }
        ReplayResult result = admin.replay(id);
        ObjectNode body = JSON.createObjectNode().put("id", id);
        ArrayNode replayed = body.putArray("replayed");
        result.replayedEventIds().forEach(replayed::add);
        if (!result.replayedAny()) {
            body.put("error", "no DEAD or FAILED_RETRYING inbox row for " + id);
        }
        sendJson(c, result.replayedAny() ? 200 : 404, body);
    }

    /** Offers the request to the server-independent handlers; an unanswered one goes on to the 404. */
    private void delegated(RoutingContext c) {
        HttpServerRequest http = c.request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        byte[] body = c.body() == null || c.body().buffer() == null ? new byte[0] : c.body().buffer().getBytes();
        int q = http.uri().indexOf('?');
        WebRequest request = new WebRequest(http.method().name(), http.path(), q < 0 ? "" : http.uri().substring(q + 1),
                headers, body, http.isSSL());
        for (WebHandler handler : handlers) {
            Optional<WebResponse> response = handler.handle(request);
            if (response.isPresent()) {
                HttpServerResponse out = c.response().setStatusCode(response.get().status());
                response.get().headers().forEach((name, values) -> values.forEach(v -> out.headers().add(name, v)));
                out.end("HEAD".equals(request.method()) ? Buffer.buffer() : Buffer.buffer(response.get().body()));
                return;
            }
        }
        c.next();
    }

    private static void sendJson(RoutingContext c, int status, ObjectNode body) {
        c.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.toString());
    }
}
