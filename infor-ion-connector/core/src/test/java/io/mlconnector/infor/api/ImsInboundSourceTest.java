package io.mlconnector.infor.api;

import io.mlconnector.infor.internal.OAuth1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The IMS endpoint on a real loopback HTTP server (a JDK one here; the app serves it on its edge), called as ION does. */
class ImsInboundSourceTest {
    private static final String KEY = "ion-consumer";
    private static final String SECRET = "s3cret/with+signs";
    private static final String ACK = "<AcknowledgeSupplierInvoice xmlns=\"http://schema.infor.com/InforOAGIS/2\">"
            + "<ApplicationArea><BODID>b-1</BODID></ApplicationArea><DataArea><Acknowledge><OriginalApplicationArea>"
            + "<BODID>b-0</BODID></OriginalApplicationArea><ResponseCriteria><ResponseExpression actionCode=\"Accepted\"/>"
            + "</ResponseCriteria></Acknowledge></DataArea></AcknowledgeSupplierInvoice>";

    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private final List<ImsInboundSource.Answer> refused = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ImsInboundSource source;
    private JdkImsServer server;

    @BeforeEach
    void start() {
        source = new ImsInboundSource(ImsInboundSettings.of("127.0.0.1", 0, "/ims/service", KEY, SECRET, ""));
        server = JdkImsServer.serve(source, "/ims/service", received::add,
                (answer, body, headers) -> refused.add(answer));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSignedMultipartMessageIsHandedOverAndAnswered202() throws Exception {
        HttpResponse<String> response = post("/v3/multipartMessage", multipart("""
                {"documentName":"Acknowledge.SupplierInvoice","messageId":"m-1:-ION-:abc","fromLogicalId":"lid://infor.m3.m3",
                 "encoding":"BASE64","characterSet":"UTF-8"}""",
                Base64.getEncoder().encodeToString(ACK.getBytes(StandardCharsets.UTF_8))), sign("POST", "/v3/multipartMessage"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("m-1:-ION-:abc");
            assertThat(m.documentName()).isEqualTo("Acknowledge.SupplierInvoice");
            assertThat(m.payloadText()).isEqualTo(ACK);
        });
    }

    @Test
    void theHeaderVariantTakesItsParametersFromXInforIonHeaders() throws Exception {
        URI uri = uri("/v3/message/multipart");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .header("X-Infor-ION-documentName", "Acknowledge.SupplierInvoice")
                .header("X-Infor-ION-messageId", "m-2")
                .header("Authorization", OAuth1.authorization("POST", uri, KEY, SECRET, Instant.now(), nonce()))
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"MessagePayload\""
                        + "\r\n\r\n" + ACK + "\r\n--b--\r\n")).build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        assertThat(received).singleElement().satisfies(m -> assertThat(m.messageId()).isEqualTo("m-2"));
    }

    @Test
    void pingAndProtocolAnswerIonWhenSigned() throws Exception {
        HttpResponse<String> protocol = get("/protocol", sign("GET", "/protocol"));
        HttpResponse<String> ping = get("/ping", sign("GET", "/ping"));

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(protocol.statusCode()).isEqualTo(200);
        assertThat(protocol.body()).contains("\"version\":\"v3\"").contains("\"messageMethod\":\"multipartMessage\"")
                .contains("\"hasDiscovery\":false");
    }

    @Test
    void aReplayedSignatureAnOldTimestampAndATamperedPathAreRefused() throws Exception {
        String once = sign("GET", "/ping");
        String old = OAuth1.authorization("GET", uri("/ping"), KEY, SECRET, Instant.now().minus(Duration.ofHours(1)),
                nonce());

        assertThat(get("/ping", once).statusCode()).isEqualTo(200);
        assertThat(get("/ping", once).statusCode()).as("same nonce again").isEqualTo(401);
        assertThat(get("/ping", old).statusCode()).as("an hour old").isEqualTo(401);
        assertThat(get("/protocol", sign("GET", "/ping")).statusCode()).as("signed for another path").isEqualTo(401);
        assertThat(get("/ping", null).statusCode()).as("unsigned").isEqualTo(401);
    }

    @Test
    void withoutConfiguredCredentialsEveryCallIsRefused() throws Exception {
        server.close();
        source = new ImsInboundSource(ImsInboundSettings.of("127.0.0.1", 0, "/ims/service", "", "", ""));
        server = JdkImsServer.serve(source, "/ims/service", received::add,
                (answer, body, headers) -> refused.add(answer));
        String signedWithEmptySecret = OAuth1.authorization("GET", uri("/ping"), "", "", Instant.now(), nonce());

        assertThat(get("/ping", signedWithEmptySecret).statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedMessageIsAnswered400AndHandedToTheRejectedListener() throws Exception {
        HttpResponse<String> noParameters = post("/v3/multipartMessage",
                "--b\r\nContent-Disposition: form-data; name=\"MessagePayload\"\r\n\r\n" + ACK + "\r\n--b--\r\n",
                sign("POST", "/v3/multipartMessage"));
        HttpResponse<String> badEncoding = post("/v3/multipartMessage", multipart(
                "{\"documentName\":\"Acknowledge.SupplierInvoice\",\"messageId\":\"m-3\",\"encoding\":\"ZIP\"}", ACK),
                sign("POST", "/v3/multipartMessage"));

        assertThat(noParameters.statusCode()).isEqualTo(400);
        assertThat(badEncoding.statusCode()).isEqualTo(400);
        assertThat(badEncoding.body()).contains("ZIP");
        assertThat(refused).hasSize(2);
        assertThat(received).isEmpty();
    }

    @Test
    void aListenerFailureAnswers500SoIonDeliversAgain() throws Exception {
        server.close();
        source = new ImsInboundSource(ImsInboundSettings.of("127.0.0.1", 0, "/ims/service", KEY, SECRET, ""));
        server = JdkImsServer.serve(source, "/ims/service", m -> {
            throw new IllegalStateException("database down");
        }, (answer, body, headers) -> refused.add(answer));

        HttpResponse<String> response = post("/v3/multipartMessage", multipart(
                "{\"documentName\":\"Acknowledge.SupplierInvoice\",\"messageId\":\"m-4\"}", ACK),
                sign("POST", "/v3/multipartMessage"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(refused).isEmpty();
    }

    private static String multipart(String parameters, String payload) {
        return "--b\r\nContent-Disposition: form-data; name=\"ParameterRequest\"\r\n\r\n" + parameters + "\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"MessagePayload\"\r\n\r\n" + payload + "\r\n--b--\r\n";
    }

    private String sign(String method, String path) {
        return OAuth1.authorization(method, uri(path), KEY, SECRET, Instant.now(), nonce());
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private URI uri(String path) {
        return URI.create(server.uri() + path);
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
