package io.mlconnector.infor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.infor.internal.MultipartParser;
import io.mlconnector.infor.internal.OAuth1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application's IMS endpoint: the Source through which ION pushes BODs (Acknowledge, ConfirmBOD …) to this
 * application ("ION sends a message to an application",
 * https://docs.infor.com/inforos/latest/en-us/useradminlib_cloud/ioncedg_cloud_osm/ccl1519994073494.html):
 * <ul>
 *   <li>{@code GET <path>/ping} — 200 when ION can reach the application and is authorised;</li>
 *   <li>{@code GET <path>/protocol} — the IMS version and message method this application expects (v3,
 *       {@code multipartMessage}, no discovery: https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html);</li>
 *   <li>{@code POST <path>/v3/multipartMessage} — two form-data parts, {@code ParameterRequest} (JSON) and
 *       {@code MessagePayload} (the BOD);</li>
 *   <li>{@code POST <path>/v3/message/multipart} — one {@code MessagePayload} part, the parameters in
 *       {@code X-Infor-ION-*} headers or the query.</li>
 * </ul>
 * Every call must be signed by the connection point's OAuth consumer (401 otherwise; see {@link ImsInboundSettings}).
 * A message is handed to the listener synchronously and answered 202 only when the listener returned, 500 when it
 * threw (ION delivers again: at least once), 400 when it is malformed (missing parts or parameters, unknown encoding,
 * or the listener raised {@link InforIonErrorType#INVALID_MESSAGE}) — such a message is handed to the rejected
 * listener with its raw body, so nothing ION sent is lost.
 *
 * <p>The source depends on no HTTP server: a server hands each call to {@link #serve} (the app serves it on its
 * HTTP edge, a port with the same timeouts and limits as its other ports).
 */
public final class ImsInboundSource {
    private static final Logger LOG = LoggerFactory.getLogger(ImsInboundSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Header prefix of the v3 message/multipart parameters (seen in public IMS clients; the full list is in the swagger). */
    private static final String PARAMETER_HEADER = "x-infor-ion-";

    private final ImsInboundSettings settings;
    private final OAuth1 oauth;

    /** Receives each message; throwing answers 500 (or 400 for {@link InforIonErrorType#INVALID_MESSAGE}). */
    @FunctionalInterface
    public interface MessageListener {
        void onMessage(InboundMessage message) throws Exception;
    }

    /** Hears about authenticated calls refused as malformed, with the raw body. Must not throw. */
    @FunctionalInterface
    public interface RejectedListener {
        void onRejected(Answer answer, byte[] body, Map<String, List<String>> headers);
    }

    /**
     * One call as any HTTP server received it.
     *
     * @param method    the HTTP method
     * @param uri       the URI the caller addressed (its OAuth signature covers it): scheme, host, port, path, query
     * @param headers   the request headers
     * @param body      the raw body
     */
    public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        public Request {
            TreeMap<String, List<String>> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            insensitive.putAll(headers);
            headers = insensitive;
        }

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** What the endpoint answered: status, JSON body, the message when one was accepted. */
    public record Answer(int status, String body, InboundMessage message) {
        static Answer of(int status, String message) {
            ObjectNode json = JSON.createObjectNode().put("status", status).put("message", message);
            return new Answer(status, json.toString(), null);
        }

        public boolean isMalformed() {
            return status == 400 || status == 413;
        }
    }

    public ImsInboundSource(ImsInboundSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ImsInboundSource(ImsInboundSettings settings, Clock clock) {
        this.settings = settings;
        this.oauth = new OAuth1(settings.consumerKey(), settings.consumerSecret(), settings.maxClockSkew(), clock);
        if (!settings.hasCredentials()) {
            LOG.warn("IMS endpoint: no OAuth consumer key/secret configured, every call will be refused with 401");
        }
    }

    /** Answers one call; never throws. */
    public Answer handle(Request request, MessageListener listener) {
        String path = request.uri().getPath();
        if (path == null || !(path.equals(settings.path()) || path.startsWith(settings.path() + "/"))) {
            return Answer.of(404, "not found");
        }
        String refusal = oauth.refusal(request.method(), request.uri(), request.header("Authorization"));
        if (refusal != null) {
            LOG.warn("IMS endpoint: {} {} refused: {}", request.method(), path, refusal);
            return Answer.of(401, refusal);
        }
        String operation = path.substring(settings.path().length());
        return switch (operation) {
            case "/ping" -> get(request, () -> new Answer(200, "{\"status\":\"OK\",\"code\":200}", null));
            case "/protocol" -> get(request, () -> new Answer(200,
                    "{\"version\":\"v3\",\"messageMethod\":\"multipartMessage\",\"hasDiscovery\":false}", null));
            case "/v3/multipartMessage" -> post(request, () -> deliver(multipartMessage(request), listener));
            case "/v3/message/multipart" -> post(request, () -> deliver(messageMultipart(request), listener));
            default -> Answer.of(404, "no IMS method " + operation + " (discovery is not offered)");
        };
    }

    private static Answer get(Request request, java.util.function.Supplier<Answer> answer) {
        return "GET".equalsIgnoreCase(request.method()) ? answer.get() : Answer.of(405, "GET only");
    }

    private static Answer post(Request request, java.util.function.Supplier<Answer> answer) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return Answer.of(405, "POST only");
        }
        try {
            return answer.get();
        } catch (IllegalArgumentException e) {
            return Answer.of(400, "malformed IMS message: " + e.getMessage());
        }
    }

    private Answer deliver(InboundMessage message, MessageListener listener) {
        try {
            listener.onMessage(message);
        } catch (InforIonException e) {
            if (e.type() == InforIonErrorType.INVALID_MESSAGE) {
                LOG.warn("IMS endpoint: message {} ({}) refused: {}", message.messageId(), message.documentName(),
                        e.detail());
                return Answer.of(400, e.detail());
            }
            return failed(message, e);
        } catch (Exception e) {
            return failed(message, e);
        }
        LOG.info("IMS endpoint: message {} ({}) stored", message.messageId(), message.documentName());
        return new Answer(202, JSON.createObjectNode().put("status", 202).put("messageId", message.messageId())
                .toString(), message);
    }

    private static Answer failed(InboundMessage message, Exception e) {
        LOG.warn("IMS endpoint: message {} ({}) not stored, answering 500 so ION delivers it again: {}",
                message.messageId(), message.documentName(), e.toString());
        return Answer.of(500, "message not stored");
    }

    /** v3/multipartMessage: ParameterRequest (JSON) + MessagePayload. */
    private static InboundMessage multipartMessage(Request request) {
        Map<String, MultipartParser.Part> parts = MultipartParser.parse(request.header("Content-Type"), request.body());
        MultipartParser.Part parameters = parts.get("ParameterRequest");
        MultipartParser.Part payload = parts.get("MessagePayload");
        if (parameters == null || payload == null) {
            throw new IllegalArgumentException("expected the parts ParameterRequest and MessagePayload, got "
                    + parts.keySet());
        }
        JsonNode json;
        try {
            json = JSON.readTree(parameters.content());
        } catch (IOException e) {
            throw new IllegalArgumentException("ParameterRequest is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("ParameterRequest is not a JSON object");
        }
        return message((ObjectNode) json, payload.content(), request.header("X-TenantId"));
    }

    /** v3/message/multipart: the parameters in X-Infor-ION-* headers or the query, one payload part. */
    private static InboundMessage messageMultipart(Request request) {
        Map<String, MultipartParser.Part> parts = MultipartParser.parse(request.header("Content-Type"), request.body());
        MultipartParser.Part payload = parts.containsKey("MessagePayload") ? parts.get("MessagePayload")
                : parts.size() == 1 ? parts.values().iterator().next() : null;
        if (payload == null) {
            throw new IllegalArgumentException("expected one MessagePayload part, got " + parts.keySet());
        }
        ObjectNode parameters = JSON.createObjectNode();
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        request.headers().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(PARAMETER_HEADER) && !values.isEmpty()) {
                parameters.put(name.substring(PARAMETER_HEADER.length()), values.get(0));
            }
        });
        return message(parameters, payload.content(), request.header("X-TenantId"));
    }

    private static InboundMessage message(ObjectNode parameters, byte[] payload, String tenantId) {
        String messageId = text(parameters, "messageId");
        String documentName = text(parameters, "documentName");
        if (messageId.isBlank() || documentName.isBlank()) {
            throw new IllegalArgumentException("messageId and documentName are required parameters");
        }
        String encoding = text(parameters, "encoding").isBlank() ? "NONE"
                : text(parameters, "encoding").toUpperCase(Locale.ROOT);
        byte[] bod = switch (encoding) {
            case "NONE" -> payload;
            case "BASE64" -> decodeBase64(payload);
            default -> throw new IllegalArgumentException("encoding " + encoding + " is not supported (NONE, BASE64)");
        };
        return new InboundMessage(messageId, documentName, text(parameters, "fromLogicalId"),
                text(parameters, "toLogicalId"), text(parameters, "documentId"), tenantId == null ? "" : tenantId,
                parameters.toString(), bod, text(parameters, "characterSet"));
    }

    private static byte[] decodeBase64(byte[] payload) {
        try {
            return Base64.getMimeDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MessagePayload is not BASE64");
        }
    }

    private static String text(JsonNode json, String field) {
        // parameter names are matched case-insensitively: header-borne ones arrive in any case
        var names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase(field)) {
                return json.get(name).asText("");
            }
        }
        return "";
    }

    /**
     * Serves one call as an HTTP server received it: refuses a body over {@link ImsInboundSettings#maxBodyBytes()}
     * (413), answers it with {@link #handle}, hands a malformed one to {@code rejected} with its raw body, and says
     * what to send back. Never throws.
     */
    public Reply serve(Request request, MessageListener listener, RejectedListener rejected) {
        Answer answer = request.body().length > settings.maxBodyBytes()
                ? Answer.of(413, "body larger than " + settings.maxBodyBytes() + " bytes")
                : handle(request, listener);
        if (answer.isMalformed()) {
            try {
                rejected.onRejected(answer, request.body(), request.headers());
            } catch (RuntimeException e) {
                LOG.error("IMS endpoint: keeping a refused message failed: {}", e.toString());
            }
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", "application/json");
        if (answer.status() == 401) {
            headers.put("WWW-Authenticate", "OAuth realm=\"ims\"");
        }
        return new Reply(answer.status(), Map.copyOf(headers), answer.body().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The URL the caller signed, for {@link Request#uri()}: the configured public base URL, else the scheme and the
     * request's {@code Host} header (or the local address when there is none), plus the raw path and query.
     *
     * @param scheme          {@code http} or {@code https}, as the server was reached
     * @param hostHeader      the request's {@code Host} header, or {@code null}
     * @param localAddress    {@code host:port} the request arrived on
     * @param rawPathAndQuery the request target as sent, e.g. {@code /ims/service/ping?x=1}
     */
    public URI addressed(String scheme, String hostHeader, String localAddress, String rawPathAndQuery) {
        String base = !settings.publicBaseUrl().isEmpty() ? settings.publicBaseUrl()
                : scheme + "://" + (hostHeader == null || hostHeader.isBlank() ? localAddress : hostHeader);
        return URI.create(base + rawPathAndQuery);
    }

    /** What an HTTP server sends back for one call: status, headers, body. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
    }
}
