package io.mlconnector.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.admin.AdminServer;
import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.admin.DocumentView;
import io.mlconnector.app.admin.ExceptionAction;
import io.mlconnector.app.reconcile.Difference;
import io.mlconnector.app.reconcile.DocumentReconciliation;
import io.mlconnector.app.reconcile.Money;
import io.mlconnector.app.reconcile.ReconciliationCsv;
import io.mlconnector.app.reconcile.ReconciliationReport;
import io.mlconnector.app.reconcile.Totals;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.store.Page;
import io.mlconnector.app.store.Quarantine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON admin API behind the console's lists (bearer {@code admin.token}), and its OpenAPI description at
 * {@code GET /admin/openapi.json} (no token: it holds no data). Lists page with {@code offset} (default 0) and
 * {@code limit} (default 50, at most {@value Page#MAX_LIMIT}).
 */
public final class AdminApi implements WebHandler {
    public static final String OPENAPI_PATH = "/admin/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 50;
    private static final Pattern EXCEPTION_ACTION = Pattern.compile("/admin/exceptions/(\\d+)/(replay|resolve)");
    private static final Pattern DOCUMENT = Pattern.compile("/admin/documents/([^/]+)");

    private final AdminService admin;
    private final AdminToken token;
    private final byte[] openApi;

    public AdminApi(AdminService admin, AdminToken token) {
        this.admin = admin;
        this.token = token;
        this.openApi = openApiDocument();
    }

    @Override
    public Optional<WebResponse> handle(WebRequest request) {
        String path = request.path();
        if (path.equals(OPENAPI_PATH)) {
            return Optional.of(request.isGet() ? WebResponse.of(200, "application/json", openApi) : notAllowed("GET"));
        }
        Optional<Function<WebRequest, WebResponse>> endpoint = endpoint(path, request.method());
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        if (!token.authorises(request)) {
            return Optional.of(error(401, "missing or wrong bearer token")
                    .with("WWW-Authenticate", "Bearer realm=\"ml-connector admin\""));
        }
        try {
            return Optional.of(endpoint.get().apply(request));
        } catch (BadRequest e) {
            return Optional.of(error(400, e.getMessage()));
        }
    }

    private Optional<Function<WebRequest, WebResponse>> endpoint(String path, String method) {
        Matcher exception = EXCEPTION_ACTION.matcher(path);
        if (exception.matches()) {
            long id = Long.parseLong(exception.group(1));
            return Optional.of(r -> !r.isPost() ? notAllowed("POST") : switch (exception.group(2)) {
                case "replay" -> action(admin.replayException(id, operator(r)));
                default -> action(admin.resolveException(id, operator(r), bodyField(r, "note")));
            });
        }
        Matcher document = DOCUMENT.matcher(path);
        if (document.matches()) {
            String id = URLDecoder.decode(document.group(1), StandardCharsets.UTF_8);
            return Optional.of(r -> r.isGet() ? document(id) : notAllowed("GET"));
        }
        Function<WebRequest, WebResponse> get = switch (path) {
            case "/admin/exceptions" -> this::exceptions;
            case "/admin/dead-letters" -> r -> inbox(r, InboxState.DEAD);
            case "/admin/inbox" -> r -> inbox(r, state(r.param("state").orElse("NEW"), InboxState.class));
            case "/admin/quarantine" -> this::quarantine;
            case "/admin/reconciliation" -> r -> reconciliation(r, false);
            case "/admin/reconciliation.csv" -> r -> reconciliation(r, true);
            default -> null;
        };
        return Optional.ofNullable(get).map(g -> r -> r.isGet() ? g.apply(r) : notAllowed("GET"));
    }

    private WebResponse exceptions(WebRequest r) {
        ExceptionRecord.State state = state(r.param("state").orElse("OPEN"), ExceptionRecord.State.class);
        Page<ExceptionRecord> page = admin.exceptions(state, offset(r), limit(r));
        return page(page, e -> {
            ObjectNode node = JSON.createObjectNode().put("id", e.id()).put("essEventId", e.essEventId())
                    .put("reportId", e.reportId()).put("fisDocumentId", e.fisDocumentId()).put("reason", e.reason())
                    .put("detail", e.detail()).put("state", e.state().name()).put("createdAt", iso(e.createdAt()))
                    .put("resolvedAt", iso(e.resolvedAt()));
            e.codes().forEach(node.putArray("codes")::add);
            Optional<String> notReplayable = admin.whyNotReplayable(e);
            node.put("replayable", notReplayable.isEmpty());
            notReplayable.ifPresent(why -> node.put("notReplayableBecause", why));
            return node;
        });
    }

    private WebResponse inbox(WebRequest r, InboxState state) {
        Page<InboxEntry> page = admin.inbox(state, offset(r), limit(r));
        return page(page, e -> JSON.createObjectNode().put("id", e.id()).put("essEventId", e.essEventId())
                .put("topic", e.event().topic()).put("eventType", e.event().eventType())
                .put("fisDocumentId", e.event().fisDocumentId()).put("reportId", e.event().reportId())
                .put("state", e.state().name()).put("attempts", e.attempts()).put("lastError", e.lastError())
                .put("receivedAt", iso(e.receivedAt())).put("nextAttemptAt", iso(e.nextAttemptAt())));
    }

    private WebResponse quarantine(WebRequest r) {
        Page<Quarantine.Delivery> page = admin.quarantine(offset(r), limit(r));
        return page(page, d -> {
            byte[] body = d.body() == null ? new byte[0] : d.body();
            ObjectNode node = JSON.createObjectNode().put("id", d.id()).put("receivedAt", iso(d.receivedAt()))
                    .put("reason", d.reason()).put("bodyBase64", Base64.getEncoder().encodeToString(body));
            utf8(body).ifPresent(text -> node.put("bodyText", text));
            node.set("headers", JSON.valueToTree(d.headers()));
            return node;
        });
    }

    private WebResponse document(String id) {
        DocumentView view = admin.document(id);
        if (!view.found()) {
            return error(404, "nothing recorded for " + id);
        }
        ObjectNode body = JSON.createObjectNode().put("id", id);
        ArrayNode timeline = body.putArray("timeline");
        view.timeline().forEach(e -> timeline.add(AdminServer.auditJson(e)));
        ArrayNode chunks = body.putArray("chunks");
        for (LedgerEntry c : view.chunks()) {
            chunks.addObject().put("messageId", c.messageId()).put("fisDocumentId", c.plan().fisDocumentId())
                    .put("kind", c.plan().kind().name()).put("chunkNo", c.plan().chunkNo())
                    .put("chunkCount", c.plan().chunkCount()).put("amount", Money.format(c.plan().amount()))
                    .put("currency", c.plan().currency()).put("state", c.state().name())
                    .put("inforReference", c.inforReference()).put("sentAt", iso(c.sentAt()))
                    .put("acceptedAt", iso(c.acceptedAt()));
        }
        ArrayNode lines = body.putArray("glLines");
        for (DocumentView.GlLineView l : view.glLines()) {
            lines.addObject().put("fisDocumentId", l.fisDocumentId()).put("glAccount", l.glAccount())
                    .put("costCenter", l.costCenter()).put("side", l.side()).put("amount", Money.format(l.amount()))
                    .put("currency", l.currency());
        }
        ArrayNode confirmations = body.putArray("confirmations");
        for (ConfirmationRecord c : view.confirmations()) {
            confirmations.addObject().put("fisDocumentId", c.fisDocumentId()).put("outcome", c.outcome().name())
                    .put("state", c.state().name()).put("detail", c.detail()).put("sentAt", iso(c.sentAt()));
        }
        ArrayNode exceptions = body.putArray("exceptions");
        view.exceptions().forEach(e -> exceptions.addObject().put("id", e.id()).put("reason", e.reason())
                .put("state", e.state().name()));
        return json(200, body);
    }

    private WebResponse reconciliation(WebRequest r, boolean csv) {
        ReconciliationReport report;
        try {
            report = admin.reconcile(date(r, "from"), date(r, "to"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        if (csv) {
            return WebResponse.of(200, "text/csv; charset=utf-8", ReconciliationCsv.toCsv(report)
                    .getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode body = JSON.createObjectNode().put("from", report.from().toString()).put("to", report.to().toString())
                .put("documents", report.documents().size()).put("withDifferences", report.withDifferences().size());
        ArrayNode totals = body.putArray("totals");
        for (Totals t : report.totals()) {
            totals.addObject().put("currency", t.currency()).put("accountingEntity", t.accountingEntity())
                    .put("documents", t.documents()).put("concurAmount", Money.format(t.concurAmount()))
                    .put("journalAmount", Money.format(t.journalAmount())).put("postedAmount", Money.format(t.postedAmount()))
                    .put("confirmed", t.confirmed()).put("withDifferences", t.withDifferences());
        }
        ArrayNode documents = body.putArray("documentsWithDifferences");
        for (DocumentReconciliation d : report.withDifferences()) {
            ObjectNode node = documents.addObject().put("documentId", d.documentId()).put("businessId", d.businessId())
                    .put("currency", d.currency()).put("accountingEntity", d.accountingEntity())
                    .put("outcome", d.outcome().name());
            ArrayNode differences = node.putArray("differences");
            for (Difference diff : d.differences()) {
                differences.addObject().put("kind", diff.kind().name()).put("detail", diff.detail());
            }
        }
        return json(200, body);
    }

    private static WebResponse action(ExceptionAction result) {
        int status = switch (result.result()) {
            case DONE -> 200;
            case NOT_FOUND -> 404;
            case REFUSED -> 409;
        };
        return json(status, JSON.createObjectNode().put("exceptionId", result.exceptionId())
                .put("result", result.result().name()).put("message", result.message()));
    }

    private static <T> WebResponse page(Page<T> page, Function<T, JsonNode> item) {
        ObjectNode body = JSON.createObjectNode().put("offset", page.offset()).put("limit", page.limit())
                .put("total", page.total());
        ArrayNode items = body.putArray("items");
        page.items().forEach(i -> items.add(item.apply(i)));
        return json(200, body);
    }

    /** Who acts, for the audit trail: {@code by} of the JSON body or query, else "admin API". */
    private static String operator(WebRequest r) {
        String by = bodyField(r, "by");
        if (by == null || by.isBlank()) {
            by = r.param("by").orElse("");
        }
        return by.isBlank() ? "admin API" : by.strip();
    }

    private static String bodyField(WebRequest r, String field) {
        if (r.body().length == 0) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(r.body());
            return body.path(field).isTextual() ? body.path(field).asText() : null;
        } catch (IOException e) {
            throw new BadRequest("the body is not JSON: " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E state(String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("state must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static LocalDate date(WebRequest r, String name) {
        try {
            return LocalDate.parse(r.param(name).orElseThrow(() -> new BadRequest(name + " is required (ISO date)")));
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " is not an ISO date (2026-11-30): " + e.getParsedString());
        }
    }

    private static int offset(WebRequest r) {
        return number(r, "offset", 0);
    }

    private static int limit(WebRequest r) {
        int limit = number(r, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw new BadRequest("limit must be 1.." + Page.MAX_LIMIT);
        }
        return limit;
    }

    private static int number(WebRequest r, String name, int otherwise) {
        try {
            int value = r.param(name).map(Integer::parseInt).orElse(otherwise);
            if (value < 0) {
                throw new BadRequest(name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " is not a number");
        }
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String iso(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static WebResponse json(int status, JsonNode body) {
        try {
            return WebResponse.of(status, "application/json", JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebResponse error(int status, String message) {
        return json(status, JSON.createObjectNode().put("error", message));
    }

    private static WebResponse notAllowed(String allowed) {
        return error(405, "use " + allowed).with("Allow", allowed);
    }

    private static byte[] openApiDocument() {
        try (InputStream in = AdminApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request the API cannot answer as asked: 400 with the message. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
