package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * ION Messaging Service (IMS) v3 behind the API Gateway: {@code ping}, {@code versions},
 * {@code v3/{logicalId}/acceptedDocuments} and {@code v3/multipartMessage}, as "Application sends a message to ION"
 * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/ooo1519994008158.html) and the v3 protocol page
 * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html) describe them.
 */
final class ImsMessagingService {
    static final String BASE = "/IONSERVICES/api/ion/messaging/service";
    static final int MAX_MESSAGE_ID = 250;
    static final int KEPT_MESSAGE_ID = 128;
    static final int MAX_DOCUMENT_ID = 100;
    static final int MAX_ENTITY = 22;

    private static final Pattern DOCUMENT_NAME = Pattern.compile("([A-Z][A-Za-z]*)\\.([A-Z][A-Za-z0-9_]*)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final List<String> ENCODINGS = List.of("NONE", "BASE64");
    /** Parts bigger than this many bytes over the limit are refused before parsing (BASE64 grows by a third). */
    private static final long ENVELOPE_SLACK = 1_048_576L;
    /** Configured once: looking the implementation up for each message cost more than reading the payload. */
    private static final XMLInputFactory XML = secureXmlInput();

    private final InforSandboxSettings settings;
    private final InforAuthorizationServer authorization;
    private final List<ImsMessage> messages = new CopyOnWriteArrayList<>();
    private final List<String> acceptedDocuments;
    private volatile boolean dataFlowActive;
    private volatile boolean connectionPointActive = true;
    private volatile java.util.function.Consumer<ImsMessage> onAccepted = message -> { };

    ImsMessagingService(InforSandboxSettings settings, InforAuthorizationServer authorization) {
        this.settings = settings;
        this.authorization = authorization;
        this.acceptedDocuments = new CopyOnWriteArrayList<>(settings.acceptedDocuments());
        this.dataFlowActive = settings.dataFlowActive();
    }

    void register(SimServer server) {
        String base = "/" + Pattern.quote(settings.tenant()) + Pattern.quote(BASE);
        server.route("GET", base + "/ping", this::ping);
        server.route("GET", base + "/versions", this::versions);
        // The logical id arrives raw (lid://x) or percent-encoded; the request path is already decoded.
        server.route("GET", base + "/v3/(.+)/acceptedDocuments", this::acceptedDocuments);
        server.route("POST", base + "/v3/multipartMessage", this::multipartMessage);
    }

    /** Told about every message ION accepted (the ERP behind ION receives it). */
    void onAccepted(java.util.function.Consumer<ImsMessage> listener) {
        this.onAccepted = listener;
    }

    List<ImsMessage> messages() {
        return List.copyOf(messages);
    }

    void clearMessages() {
        messages.clear();
    }

    void dataFlowActive(boolean active) {
        dataFlowActive = active;
    }

    boolean dataFlowActive() {
        return dataFlowActive;
    }

    void connectionPointActive(boolean active) {
        connectionPointActive = active;
    }

    boolean connectionPointActive() {
        return connectionPointActive;
    }

    void acceptDocument(String documentName) {
        if (!acceptedDocuments.contains(documentName)) {
            acceptedDocuments.add(documentName);
        }
    }

    void refuseDocument(String documentName) {
        acceptedDocuments.remove(documentName);
    }

    List<String> acceptedDocuments() {
        return List.copyOf(acceptedDocuments);
    }

    private SimResponse ping(SimRequest request) {
        Optional<SimResponse> denied = authorization.checkBearer(request);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (!dataFlowActive) {
            return status(503, "Service Unavailable", "the data flow of the connection point is not active");
        }
        // ION says to ignore the ping body (deprecated); the IMS pages show this one.
        return SimResponse.json(200, Map.of("status", "OK", "code", 200));
    }

    private SimResponse versions(SimRequest request) {
        Optional<SimResponse> denied = authorization.checkBearer(request);
        if (denied.isPresent()) {
            return denied.get();
        }
        return SimResponse.json(200, List.of("v1", "v2", "v3"));
    }

    private SimResponse acceptedDocuments(SimRequest request) {
        Optional<SimResponse> denied = authorization.checkBearer(request);
        if (denied.isPresent()) {
            return denied.get();
        }
        String logicalId = request.pathGroup(1);
        if (!settings.connectionPointLogicalId().equals(logicalId)) {
            return status(412, "Precondition Failed", "no IMS connection point with logical id " + logicalId
                    + " is entitled to this client");
        }
        if (!connectionPointActive) {
            return status(412, "Precondition Failed", "the IMS connection point " + logicalId + " is not active");
        }
        // The response body is not documented publicly; the sandbox answers the documentName list (README-infor.md).
        ArrayNode body = SimServer.JSON.createArrayNode();
        acceptedDocuments.forEach(body::add);
        return SimResponse.json(200, body);
    }

    private SimResponse multipartMessage(SimRequest request) {
        Optional<SimResponse> denied = authorization.checkBearer(request);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (request.body().length > settings.maxMessageBytes() * 4 / 3 + ENVELOPE_SLACK) {
            return tooLarge(request.body().length);
        }
        try {
            Map<String, byte[]> parts = parts(request);
            Parameters parameters = Parameters.parse(parts.get("ParameterRequest"));
            byte[] payload = parameters.decode(parts.get("MessagePayload"));
            if (payload.length > settings.maxMessageBytes()) {
                return tooLarge(payload.length);
            }
            checkPayload(parameters, payload);
            if (!settings.connectionPointLogicalId().equals(parameters.fromLogicalId)) {
                // "The fromLogicalId matches with the logical-id that is related to this OAuth principle. Else HTTP
                // status code 403 is returned."
                // (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/ooo1519994008158.html)
                return status(403, "Forbidden", "fromLogicalId " + parameters.fromLogicalId
                        + " does not match the logical id of this client's IMS connection point");
            }
            Optional<SimResponse> configuration = configurationProblem(parameters.documentName);
            if (configuration.isPresent()) {
                return configuration.get();
            }
            ImsMessage message = parameters.toMessage(payload);
            messages.add(message);
            onAccepted.accept(message);
            // 202 only means ION accepted the message; ION never de-duplicates
            // (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html,
            // https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/cyj1654168822304.html).
            return SimResponse.empty(202);
        } catch (InvalidMessage e) {
            return status(400, "Bad Request", e.getMessage());
        }
    }

    private Optional<SimResponse> configurationProblem(String documentName) {
        if (!connectionPointActive) {
            return Optional.of(status(412, "Precondition Failed", "the IMS connection point is not active"));
        }
        if (!dataFlowActive) {
            return Optional.of(status(412, "Precondition Failed", "the data flow of the connection point is not active"));
        }
        if (!acceptedDocuments.contains(documentName)) {
            return Optional.of(status(412, "Precondition Failed", "document " + documentName
                    + " is not on the Documents tab of the IMS connection point"));
        }
        return Optional.empty();
    }

    private SimResponse tooLarge(long bytes) {
        return status(413, "Payload Too Large", "message of " + bytes + " bytes exceeds the maximum of "
                + settings.maxMessageBytes() + " bytes");
    }

    /** The two form-data parts, read with a real MIME parser (angus-mail). */
    private static Map<String, byte[]> parts(SimRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType == null) {
            throw new InvalidMessage("Content-Type multipart/form-data is required");
        }
        try {
            ContentType type = new ContentType(contentType);
            if (!type.match("multipart/form-data") || type.getParameter("boundary") == null) {
                throw new InvalidMessage("Content-Type must be multipart/form-data with a boundary, got " + contentType);
            }
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(request.body(), contentType));
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String name = partName(part);
                if (!name.equals("ParameterRequest") && !name.equals("MessagePayload")) {
                    throw new InvalidMessage("unexpected part '" + name + "'; v3 expects ParameterRequest and "
                            + "MessagePayload");
                }
                if (parts.put(name, part.getInputStream().readAllBytes()) != null) {
                    throw new InvalidMessage("part '" + name + "' appears more than once");
                }
            }
            for (String required : List.of("ParameterRequest", "MessagePayload")) {
                if (!parts.containsKey(required)) {
                    throw new InvalidMessage("part '" + required + "' is missing");
                }
            }
            return parts;
        } catch (MessagingException | IOException e) {
            throw new InvalidMessage("malformed multipart body: " + e.getMessage());
        }
    }

    private static String partName(BodyPart part) throws MessagingException {
        String[] header = part.getHeader("Content-Disposition");
        if (header == null || header.length == 0) {
            throw new InvalidMessage("a part has no Content-Disposition header");
        }
        try {
            ContentDisposition disposition = new ContentDisposition(header[0]);
            String name = disposition.getParameter("name");
            if (!"form-data".equalsIgnoreCase(disposition.getDisposition()) || name == null) {
                throw new InvalidMessage("a part is not form-data with a name: " + header[0]);
            }
            return name;
        } catch (ParseException e) {
            throw new InvalidMessage("unreadable Content-Disposition: " + header[0]);
        }
    }

    private static XMLInputFactory secureXmlInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** The payload must be well-formed XML whose root is the documentName's verb + noun. */
    private static void checkPayload(Parameters parameters, byte[] payload) {
        String xml = new String(payload, parameters.charset);
        String root = null;
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.START_ELEMENT && root == null) {
                        root = reader.getLocalName();
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidMessage("MessagePayload is not well-formed XML: " + e.getMessage());
        }
        String expected = parameters.verb + parameters.noun;
        if (!expected.equals(root)) {
            throw new InvalidMessage("MessagePayload root element <" + root + "> does not match documentName "
                    + parameters.documentName + " (expected <" + expected + ">)");
        }
    }

    private static SimResponse status(int code, String status, String message) {
        ObjectNode body = SimServer.JSON.createObjectNode();
        body.put("code", code);
        body.put("status", status);
        body.put("message", message);
        return SimResponse.json(code, body);
    }

    /**
     * The ParameterRequest part, validated against the ION message header limits
     * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/lsm1436532222584.html).
     */
    private static final class Parameters {
        JsonNode json;
        String documentName;
        String verb;
        String noun;
        String messageId;
        String fromLogicalId;
        String toLogicalId;
        String encoding;
        String characterSet;
        Charset charset;
        String documentId;
        String accountingEntity;
        Long variationId;

        static Parameters parse(byte[] part) {
            Parameters p = new Parameters();
            try {
                p.json = SimServer.JSON.readTree(part);
            } catch (JsonProcessingException e) {
                throw new InvalidMessage("ParameterRequest is not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new InvalidMessage("ParameterRequest is unreadable: " + e.getMessage());
            }
            if (p.json == null || !p.json.isObject()) {
                throw new InvalidMessage("ParameterRequest must be a JSON object");
            }
            p.documentName = required(p.json, "documentName");
            var matcher = DOCUMENT_NAME.matcher(p.documentName);
            if (!matcher.matches()) {
                throw new InvalidMessage("documentName must be <Verb>.<Noun>, got '" + p.documentName + "'");
            }
            p.verb = matcher.group(1);
            p.noun = matcher.group(2);
            p.messageId = limited(p.json, "messageId", MAX_MESSAGE_ID, true);
            p.fromLogicalId = required(p.json, "fromLogicalId");
            p.toLogicalId = Optional.ofNullable(text(p.json, "toLogicalId")).orElse("lid://default");
            for (String lid : List.of(p.fromLogicalId, p.toLogicalId)) {
                if (!lid.startsWith("lid://")) {
                    throw new InvalidMessage("logical ids start with lid://, got '" + lid + "'");
                }
            }
            p.encoding = Optional.ofNullable(text(p.json, "encoding")).orElse("NONE");
            if (!ENCODINGS.contains(p.encoding)) {
                throw new InvalidMessage("encoding must be one of " + ENCODINGS + ", got '" + p.encoding + "'");
            }
            p.characterSet = Optional.ofNullable(text(p.json, "characterSet")).orElse("UTF-8");
            p.charset = charset(p.characterSet);
            p.documentId = limited(p.json, "documentId", MAX_DOCUMENT_ID, false);
            p.accountingEntity = limited(p.json, "accountingEntity", MAX_ENTITY, false);
            limited(p.json, "location", MAX_ENTITY, false);
            limited(p.json, "revisionId", MAX_ENTITY, false);
            p.variationId = variationId(p.json.get("variationId"));
            return p;
        }

        byte[] decode(byte[] part) {
            if (!"BASE64".equals(encoding)) {
                return part;
            }
            try {
                return Base64.getMimeDecoder().decode(new String(part, java.nio.charset.StandardCharsets.US_ASCII)
                        .trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidMessage("MessagePayload is not valid BASE64: " + e.getMessage());
            }
        }

        ImsMessage toMessage(byte[] payload) {
            String kept = messageId.length() > KEPT_MESSAGE_ID ? messageId.substring(0, KEPT_MESSAGE_ID) : messageId;
            String ionMessageId = kept + ":-ION-:" + UUID.randomUUID().toString().replace("-", "");
            return new ImsMessage(messageId, ionMessageId, documentName, fromLogicalId, toLogicalId, documentId,
                    accountingEntity, variationId, encoding, characterSet, json.deepCopy(), payload, Instant.now());
        }

        private static String required(JsonNode json, String field) {
            String value = text(json, field);
            if (value == null || value.isBlank()) {
                throw new InvalidMessage("ParameterRequest." + field + " is required");
            }
            return value;
        }

        private static String limited(JsonNode json, String field, int max, boolean mandatory) {
            String value = mandatory ? required(json, field) : text(json, field);
            if (value != null && value.length() > max) {
                throw new InvalidMessage("ParameterRequest." + field + " is " + value.length()
                        + " characters; ION allows at most " + max);
            }
            return value;
        }

        private static String text(JsonNode json, String field) {
            JsonNode node = json.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isValueNode()) {
                throw new InvalidMessage("ParameterRequest." + field + " must be a string");
            }
            return node.asText();
        }

        private static Long variationId(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
                return node.asLong();
            }
            if (node.isTextual() && DIGITS.matcher(node.asText()).matches()) {
                try {
                    return Long.parseLong(node.asText());
                } catch (NumberFormatException e) {
                    // falls through: above 9223372036854775807
                }
            }
            throw new InvalidMessage("ParameterRequest.variationId must be a number from 0 to 9223372036854775807, "
                    + "got " + node);
        }

        private static Charset charset(String name) {
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new InvalidMessage("characterSet '" + name + "' is not supported");
            }
        }
    }

    /**
     * A 400 answer: the message is invalid or malformed (v3 separates this from configuration errors,
     * https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/kvk1582711819513.html).
     */
    private static final class InvalidMessage extends RuntimeException {
        InvalidMessage(String message) {
            super(message, null, false, false);
        }
    }
}
