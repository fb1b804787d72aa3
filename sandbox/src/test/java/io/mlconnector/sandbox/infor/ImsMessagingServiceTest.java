package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.mlconnector.sandbox.infor.InforHttp.bod;
import static io.mlconnector.sandbox.infor.InforHttp.json;
import static io.mlconnector.sandbox.infor.InforHttp.multipart;
import static io.mlconnector.sandbox.infor.InforHttp.parameterRequest;
import static org.assertj.core.api.Assertions.assertThat;

class ImsMessagingServiceTest {
    private static final String JOURNAL = "Sync.SourceSystemJournalEntry";

    private InforSandbox sandbox;
    private InforHttp http;
    private String token;

    private void start(InforSandboxSettings settings) {
        sandbox = InforSandbox.start(settings);
        http = new InforHttp(sandbox);
        token = http.accessToken();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private HttpResponse<String> send(String parameterRequest, byte[] payload) {
        return http.postMultipart(token, multipart(parameterRequest, payload));
    }

    private HttpResponse<String> sendJournal(String messageId) {
        return send(parameterRequest(sandbox, JOURNAL, messageId), bod("Sync", "SourceSystemJournalEntry"));
    }

    @Test
    void pingAnswers200WhileTheDataFlowIsActive() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> ping = http.ping(token);

        // then
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(json(ping).get("status").asText()).isEqualTo("OK");
    }

    @Test
    void pingAnswers503WhenTheDataFlowIsInactive() {
        // given
        start(InforSandboxSettings.builder().dataFlowActive(false).build());

        // when
        HttpResponse<String> ping = http.ping(token);

        // then
        assertThat(ping.statusCode()).isEqualTo(503);
        sandbox.dataFlowActive(true);
        assertThat(http.ping(token).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptedDocumentsListsTheDocumentsTabOfTheConnectionPoint() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> raw = http.acceptedDocuments(token, sandbox.connectionPointLogicalId());
        HttpResponse<String> encoded = http.acceptedDocuments(token,
                URLEncoder.encode(sandbox.connectionPointLogicalId(), StandardCharsets.UTF_8));

        // then
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(InforHttp.JSON.convertValue(json(raw), List.class)).containsExactly(
                "Sync.SourceSystemJournalEntry", "Process.SourceSystemJournalEntry", "Process.SupplierInvoice");
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(encoded.body()).isEqualTo(raw.body());
    }

    @Test
    void acceptedDocumentsAnswers412ForAnUnknownOrInactiveConnectionPoint() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> unknown = http.acceptedDocuments(token, "lid://infor.ims.somethingelse");
        sandbox.connectionPointActive(false);
        HttpResponse<String> inactive = http.acceptedDocuments(token, sandbox.connectionPointLogicalId());

        // then
        assertThat(unknown.statusCode()).isEqualTo(412);
        assertThat(inactive.statusCode()).isEqualTo(412);
    }

    @Test
    void acceptedMessageIsAnswered202AndRecordedAsIonReceivedIt() throws Exception {
        // given
        start(InforSandboxSettings.defaults());
        byte[] payload = bod("Sync", "SourceSystemJournalEntry");

        // when
        HttpResponse<String> response = send(parameterRequest(sandbox, JOURNAL, "concur-R42-1"), payload);

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sandbox.messages()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("concur-R42-1");
            assertThat(m.ionMessageId()).matches("concur-R42-1:-ION-:[0-9a-f]{32}");
            assertThat(m.documentName()).isEqualTo(JOURNAL);
            assertThat(m.fromLogicalId()).isEqualTo("lid://infor.ims.mlconnector");
            assertThat(m.toLogicalId()).isEqualTo("lid://default");
            assertThat(m.documentId()).isEqualTo("concur-report-42");
            assertThat(m.accountingEntity()).isEqualTo("100");
            assertThat(m.variationId()).isEqualTo(1L);
            assertThat(m.parameters().get("characterSet").asText()).isEqualTo("UTF-8");
            assertThat(m.payload()).isEqualTo(payload);
            assertThat(m.payloadString()).contains("<SyncSourceSystemJournalEntry");
        });
        // the recorded request parses back with a real multipart parser, as ION's would
        byte[] raw = sandbox.requests().get(sandbox.requests().size() - 1).body();
        MimeMultipart parsed = new MimeMultipart(new ByteArrayDataSource(raw,
                "multipart/form-data; boundary=" + InforHttp.BOUNDARY));
        assertThat(parsed.getCount()).isEqualTo(2);
    }

    @Test
    void base64EncodedPayloadIsRecordedDecoded() {
        // given
        start(InforSandboxSettings.defaults());
        byte[] payload = bod("Process", "SupplierInvoice");
        Map<String, Object> overrides = Map.of("encoding", "BASE64");

        // when
        HttpResponse<String> response = send(parameterRequest(sandbox, "Process.SupplierInvoice", "ap-1", overrides),
                Base64.getEncoder().encode(payload));

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sandbox.messages()).singleElement().satisfies(m -> assertThat(m.payload()).isEqualTo(payload));
    }

    @Test
    void ionNeverDeduplicatesTheSameMessageSentTwice() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> first = sendJournal("concur-R42-1");
        HttpResponse<String> second = sendJournal("concur-R42-1");

        // then
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(sandbox.messages()).hasSize(2).extracting(ImsMessage::messageId).containsOnly("concur-R42-1");
        assertThat(sandbox.messages().get(0).ionMessageId()).isNotEqualTo(sandbox.messages().get(1).ionMessageId());
    }

    @Test
    void hundredConcurrentPostsWithOneTokenAreAllAcceptedAndRecorded() throws Exception {
        // given
        start(InforSandboxSettings.defaults());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);

        // when
        List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String messageId = "concurrent-" + i;
            statuses.add(pool.submit(() -> sendJournal(messageId).statusCode()));
        }
        List<Integer> answered = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> status : statuses) {
            answered.add(status.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        // then
        assertThat(answered).hasSize(100).containsOnly(202);
        assertThat(sandbox.messages()).extracting(ImsMessage::messageId).hasSize(100).doesNotHaveDuplicates();
        assertThat(sandbox.loginCount()).isEqualTo(1);
    }

    @Test
    void messageIdLongerThan128IsCroppedInWhatIonKeepsButRecordedInFull() {
        // given
        start(InforSandboxSettings.defaults());
        String messageId = "m".repeat(200);

        // when
        HttpResponse<String> response = sendJournal(messageId);

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        ImsMessage message = sandbox.messages().get(0);
        assertThat(message.messageId()).isEqualTo(messageId);
        assertThat(message.ionMessageId()).matches("m{128}:-ION-:[0-9a-f]{32}");
    }

    @Test
    void fromLogicalIdOtherThanTheConnectionPointIsAnswered403AndNotRecorded() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = send(parameterRequest(sandbox, JOURNAL, "x-1",
                Map.of("fromLogicalId", "lid://infor.ims.someoneelse")), bod("Sync", "SourceSystemJournalEntry"));

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void documentNotOnTheDocumentsTabIsAnswered412() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = send(parameterRequest(sandbox, "Sync.ExpenseReport", "x-1"),
                bod("Sync", "ExpenseReport"));

        // then
        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(json(response).get("message").asText()).contains("Documents tab");
        assertThat(sandbox.messages()).isEmpty();
        sandbox.acceptDocument("Sync.ExpenseReport");
        assertThat(send(parameterRequest(sandbox, "Sync.ExpenseReport", "x-1"), bod("Sync", "ExpenseReport"))
                .statusCode()).isEqualTo(202);
    }

    @Test
    void refusedDocumentIsAnswered412() {
        // given
        start(InforSandboxSettings.defaults());
        sandbox.refuseDocument(JOURNAL);

        // when
        HttpResponse<String> response = sendJournal("x-1");

        // then
        assertThat(response.statusCode()).isEqualTo(412);
    }

    @Test
    void inactiveDataFlowIsAnswered412() {
        // given
        start(InforSandboxSettings.defaults());
        sandbox.dataFlowActive(false);

        // when
        HttpResponse<String> response = sendJournal("x-1");

        // then
        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void payloadOverMaxMessageBytesIsAnswered413AndAtTheLimitAccepted() {
        // given
        byte[] small = bod("Sync", "SourceSystemJournalEntry");
        start(InforSandboxSettings.builder().maxMessageBytes(small.length + 100).build());
        byte[] atLimit = padded(small, small.length + 100);
        byte[] overLimit = padded(small, small.length + 101);

        // when
        HttpResponse<String> accepted = send(parameterRequest(sandbox, JOURNAL, "at-limit"), atLimit);
        HttpResponse<String> refused = send(parameterRequest(sandbox, JOURNAL, "over-limit"), overLimit);

        // then
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(sandbox.messages()).extracting(ImsMessage::messageId).containsExactly("at-limit");
    }

    @Test
    void defaultLimitRefusesAPayloadJustOver5MiB() {
        // given
        start(InforSandboxSettings.defaults());
        byte[] overLimit = padded(bod("Sync", "SourceSystemJournalEntry"), 5_242_881);

        // when
        HttpResponse<String> refused = send(parameterRequest(sandbox, JOURNAL, "big"), overLimit);

        // then
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void expiredTokenIsAnswered401AndTheMessageNotRecorded() {
        // given
        start(InforSandboxSettings.defaults());
        sandbox.expireAllTokens();

        // when
        HttpResponse<String> response = sendJournal("x-1");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidParameterRequests")
    void invalidParameterRequestIsAnswered400(String why, Map<String, Object> overrides) {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = send(parameterRequest(sandbox, JOURNAL, "x-1", overrides),
                bod("Sync", "SourceSystemJournalEntry"));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sandbox.messages()).isEmpty();
    }

    static Stream<Arguments> invalidParameterRequests() {
        return Stream.of(
                Arguments.of("messageId over 250 characters", Map.of("messageId", "m".repeat(251))),
                Arguments.of("messageId missing", nullField("messageId")),
                Arguments.of("documentName missing", nullField("documentName")),
                Arguments.of("documentName without verb", Map.of("documentName", "SourceSystemJournalEntry")),
                Arguments.of("fromLogicalId missing", nullField("fromLogicalId")),
                Arguments.of("fromLogicalId without lid://", Map.of("fromLogicalId", "infor.ims.mlconnector")),
                Arguments.of("documentId over 100 characters", Map.of("documentId", "d".repeat(101))),
                Arguments.of("accountingEntity over 22 characters", Map.of("accountingEntity", "e".repeat(23))),
                Arguments.of("variationId not numeric", Map.of("variationId", "abc")),
                Arguments.of("variationId negative", Map.of("variationId", -1)),
                Arguments.of("encoding unknown", Map.of("encoding", "GZIP")),
                Arguments.of("characterSet unknown", Map.of("characterSet", "NO-SUCH-CHARSET")));
    }

    @Test
    void payloadRootNotMatchingTheDocumentNameIsAnswered400() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = send(parameterRequest(sandbox, JOURNAL, "x-1"),
                bod("Process", "SupplierInvoice"));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("SyncSourceSystemJournalEntry");
    }

    @Test
    void payloadThatIsNotWellFormedXmlIsAnswered400() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = send(parameterRequest(sandbox, JOURNAL, "x-1"),
                "<SyncSourceSystemJournalEntry><DataArea></SyncSourceSystemJournalEntry>"
                        .getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void parameterRequestThatIsNotJsonIsAnswered400() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = send("{documentName: oops", bod("Sync", "SourceSystemJournalEntry"));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void missingMessagePayloadPartIsAnswered400() {
        // given
        start(InforSandboxSettings.defaults());
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("ParameterRequest", parameterRequest(sandbox, JOURNAL, "x-1").getBytes(StandardCharsets.UTF_8));

        // when
        HttpResponse<String> response = http.postMultipart(token, multipart(parts));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("MessagePayload");
    }

    @Test
    void bodyThatIsNotMultipartIsAnswered400() {
        // given
        start(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = http.postMultipart(token,
                parameterRequest(sandbox, JOURNAL, "x-1").getBytes(StandardCharsets.UTF_8), "application/json");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void publishedEpimSamplePartsAreAcceptedOnceTheirDocumentAndLogicalIdAreConfigured() throws Exception {
        // given: the verbatim public ParameterRequest / MessagePayload pair (samples/SOURCES.md says where from)
        byte[] parameters = sample("ims-multipart-ParameterRequest-epim-api.json");
        byte[] payload = sample("ims-multipart-MessagePayload-ProcessWooCustomer-epim-api.xml");
        JsonNode sampleParameters = InforHttp.JSON.readTree(parameters);
        start(InforSandboxSettings.builder()
                .connectionPointLogicalId(sampleParameters.get("fromLogicalId").asText())
                .acceptedDocuments(List.of(sampleParameters.get("documentName").asText())).build());

        // when
        HttpResponse<String> response = http.postMultipart(token, multipart(
                new String(parameters, StandardCharsets.UTF_8), payload));

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sandbox.messages()).singleElement().satisfies(m -> {
            assertThat(m.documentName()).isEqualTo("Process.WooCustomer");
            assertThat(m.variationId()).isEqualTo(1L);
            assertThat(m.payload()).isEqualTo(payload);
        });
    }

    private static byte[] sample(String file) throws java.io.IOException {
        try (java.io.InputStream in = ImsMessagingServiceTest.class.getResourceAsStream("samples/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Map<String, Object> nullField(String field) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(field, null);
        return overrides;
    }

    /** The BOD padded with an XML comment to exactly {@code size} bytes. */
    private static byte[] padded(byte[] bod, int size) {
        String xml = new String(bod, StandardCharsets.UTF_8);
        int close = xml.lastIndexOf("</");
        int fill = size - bod.length - "<!---->".length();
        char[] dashes = new char[fill];
        Arrays.fill(dashes, 'x');
        String result = xml.substring(0, close) + "<!--" + new String(dashes) + "-->" + xml.substring(close);
        byte[] bytes = result.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(size);
        return bytes;
    }
}
