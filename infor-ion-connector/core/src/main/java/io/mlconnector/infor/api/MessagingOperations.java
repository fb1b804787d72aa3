package io.mlconnector.infor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.infor.internal.GatewayClient.Retry;
import io.mlconnector.infor.internal.GatewayClient;
import io.mlconnector.infor.internal.MultipartForm;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * ION Messaging Service v3 through the API Gateway
 * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/ooo1519994008158.html): {@code ping},
 * {@code acceptedDocuments} and {@code multipartMessage}.
 */
public final class MessagingOperations {
    /** The documents this connector builds; {@link #ping()} checks the connection point accepts each. */
    public static final List<String> CONNECTOR_DOCUMENTS = List.of("Sync.SourceSystemJournalEntry",
            "Process.SourceSystemJournalEntry", "Process.SupplierInvoice");
    private static final String IMS = "/IONSERVICES/api/ion/messaging/service";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InforIonConnection connection;

    public MessagingOperations(InforIonConnection connection) {
        this.connection = connection;
    }

    /**
     * Posts a BOD with {@code POST v3/multipartMessage}: a ParameterRequest part (documentName, the deterministic
     * messageId, fromLogicalId, toLogicalId, encoding NONE, characterSet UTF-8, documentId, accountingEntity,
     * variationId) and a MessagePayload part. 429, 5xx and timeouts are retried with backoff (ION does not
     * de-duplicate, so a retried message may arrive twice with the same messageId; receivers can tell by it).
     *
     * @param bod the BOD (see {@link BodOperations}) or a raw payload ({@link Bod#raw})
     * @return the accepted message's identifiers
     * @throws InforIonException PAYLOAD_TOO_LARGE (over maxMessageBytes, before any request), INVALID_MESSAGE (400),
     *                           CONFIGURATION (401/403/412/404 with a hint), THROTTLED, CONNECTIVITY, UNAUTHORIZED
     */
    public PostResult postMessage(Bod bod) {
        InforIonSettings settings = connection.settings();
        if (bod.size() > settings.maxMessageBytes()) {
            throw new InforIonException(InforIonErrorType.PAYLOAD_TOO_LARGE, bod.documentName() + " " + bod.documentId()
                    + " is " + bod.size() + " bytes; the maximum is " + settings.maxMessageBytes()
                    + " bytes: split the document", "413");
        }
        String fromLogicalId = requireFromLogicalId();
        String messageId = bod.messageId();
        ObjectNode parameters = JSON.createObjectNode();
        parameters.put("documentName", bod.documentName());
        parameters.put("messageId", messageId);
        parameters.put("fromLogicalId", fromLogicalId);
        parameters.put("toLogicalId", settings.toLogicalId());
        parameters.put("encoding", "NONE");
        parameters.put("characterSet", "UTF-8");
        putIfPresent(parameters, "documentId", bod.documentId());
        putIfPresent(parameters, "accountingEntity", bod.accountingEntity());
        parameters.put("variationId", bod.variationId());
        MultipartForm form = new MultipartForm()
                .part("ParameterRequest", "application/json", parameters.toString().getBytes(StandardCharsets.UTF_8))
                .part("MessagePayload", "application/xml; charset=UTF-8", bod.payload());
        HttpResponse<byte[]> response = gateway().send("IMS multipartMessage " + messageId,
                ims("/v3/multipartMessage"), b -> b.header("Content-Type", form.contentType())
                        .header("Accept", "application/json").POST(form.publisher()), Retry.TRANSIENT);
        int status = response.statusCode();
        if (status / 100 == 2) {
            // "handle any 2xx HTTP status response as a positive response"
            // (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html)
            return new PostResult(messageId, bod.documentName(), bod.bodId(), status, bod.size());
        }
        throw postRefused(bod, status, message(response.body()));
    }

    /**
     * The documents ION accepts from the configured fromLogicalId ({@code GET v3/{logicalId}/acceptedDocuments}).
     *
     * @throws InforIonException CONFIGURATION (412: connection point missing, inactive or not entitled; no
     *                           fromLogicalId), CONNECTIVITY, UNAUTHORIZED
     */
    public List<String> acceptedDocuments() {
        String logicalId = requireFromLogicalId();
        HttpResponse<byte[]> response = gateway().send("IMS acceptedDocuments", ims("/v3/"
                + URLEncoder.encode(logicalId, StandardCharsets.UTF_8) + "/acceptedDocuments"),
                b -> b.header("Accept", "application/json").GET(), Retry.TRANSIENT);
        int status = response.statusCode();
        if (status == 200) {
            return documentNames(response.body());
        }
        if (status == 412) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION, Hints.connectionPoint(logicalId,
                    connection.credentials().clientId()), "412");
        }
        throw new InforIonException(status == 401 || status == 403 || status == 404
                ? InforIonErrorType.CONFIGURATION : InforIonErrorType.CONNECTIVITY,
                "acceptedDocuments answered HTTP " + status + ": " + message(response.body()), Integer.toString(status));
    }

    /** {@link #ping(Collection)} for the documents this connector builds ({@link #CONNECTOR_DOCUMENTS}). */
    public IonPingResult ping() {
        return ping(CONNECTOR_DOCUMENTS);
    }

    /**
     * Checks, in order, that a token can be obtained, that IMS answers its ping and that the connection point
     * accepts every one of {@code requiredDocuments}; reports in plain words what is missing. Never throws for a
     * set-up problem: that is the answer.
     */
    public IonPingResult ping(Collection<String> requiredDocuments) {
        List<String> problems = new ArrayList<>();
        try {
            connection.authenticate();
        } catch (InforIonException e) {
            problems.add(Hints.token(e, connection.credentials()));
            return new IonPingResult(false, false, List.of(), problems);
        }
        boolean imsUp = imsPing(problems);
        List<String> accepted = List.of();
        if (connection.settings().fromLogicalId() == null || connection.settings().fromLogicalId().isBlank()) {
            problems.add(Hints.NO_FROM_LOGICAL_ID);
        } else {
            try {
                accepted = acceptedDocuments();
                for (String document : requiredDocuments) {
                    if (!accepted.contains(document)) {
                        problems.add(Hints.documentMissing(document, connection.settings().fromLogicalId()));
                    }
                }
            } catch (InforIonException e) {
                problems.add(e.detail());
            }
        }
        return new IonPingResult(true, imsUp, accepted, problems);
    }

    private boolean imsPing(List<String> problems) {
        try {
            // ping is not retried: 503 there means the data flow is inactive, which waiting does not fix
            int status = gateway().send("IMS ping", ims("/ping"), b -> b.GET(), Retry.NONE).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            problems.add(Hints.ping(status, ims("/ping")));
        } catch (InforIonException e) {
            problems.add("cannot reach ION Messaging Service at " + ims("/ping") + ": " + e.getMessage());
        }
        return false;
    }

    private InforIonException postRefused(Bod bod, int status, String ionMessage) {
        String fromLogicalId = connection.settings().fromLogicalId();
        String what = bod.documentName() + " " + bod.documentId() + " refused with HTTP " + status + " (" + ionMessage + ")";
        String code = Integer.toString(status);
        return switch (status) {
            case 400 -> new InforIonException(InforIonErrorType.INVALID_MESSAGE, what, code);
            case 401 -> new InforIonException(InforIonErrorType.CONFIGURATION, what + ": " + Hints.TOKEN_REFUSED, code);
            case 403 -> new InforIonException(InforIonErrorType.CONFIGURATION, what + ": "
                    + Hints.forbidden(fromLogicalId, connection.credentials().clientId()), code);
            case 412 -> new InforIonException(InforIonErrorType.CONFIGURATION, what + ": "
                    + Hints.preconditionFailed(bod.documentName(), fromLogicalId), code);
            case 413 -> new InforIonException(InforIonErrorType.PAYLOAD_TOO_LARGE, what, code);
            case 404 -> new InforIonException(InforIonErrorType.CONFIGURATION, what + ": " + Hints.NOT_FOUND, code);
            default -> new InforIonException(InforIonErrorType.INVALID_MESSAGE, what, code);
        };
    }

    private String requireFromLogicalId() {
        String lid = connection.settings().fromLogicalId();
        if (lid == null || lid.isBlank()) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION, Hints.NO_FROM_LOGICAL_ID);
        }
        return lid;
    }

    /** The response body is not documented publicly; accept a list of names or of objects naming them. */
    private static List<String> documentNames(byte[] body) {
        List<String> names = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode list = json != null && json.isObject() ? firstArray(json) : json;
            if (list != null && list.isArray()) {
                for (JsonNode item : list) {
                    String name = item.isTextual() ? item.asText()
                            : item.path("documentName").asText(item.path("name").asText(null));
                    if (name != null) {
                        names.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new InforIonException(InforIonErrorType.CONNECTIVITY, "acceptedDocuments answered a body that is not JSON");
        }
        return names;
    }

    private static JsonNode firstArray(JsonNode object) {
        for (JsonNode child : object) {
            if (child.isArray()) {
                return child;
            }
        }
        return null;
    }

    private static String message(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.hasNonNull("message")) {
                return json.get("message").asText();
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw text
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "no message" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private URI ims(String path) {
        return URI.create(connection.apiBase() + IMS + path);
    }

    private GatewayClient gateway() {
        return connection.gateway();
    }
}
