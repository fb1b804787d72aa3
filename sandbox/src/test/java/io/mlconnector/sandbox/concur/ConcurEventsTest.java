package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.Fault;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private ConcurSandbox sandbox;
    private SimServer receiver;

    @BeforeEach
    void start() {
        receiver = SimServer.start("webhook-receiver", 0);
        receiver.route("POST", "/webhook", request -> SimResponse.empty(200));
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        receiver.close();
    }

    private ConcurSandbox sandbox(ConcurSandboxSettings.Builder settings) {
        sandbox = ConcurSandbox.start(settings.retryBackoff(Duration.ofMillis(20)).deliveryTimeout(Duration.ofSeconds(2))
                .build());
        sandbox.events().subscribe("ml-connector-fis", ConcurEvents.TOPIC_FIS, ".*",
                receiver.baseUri().resolve("/webhook"));
        return sandbox;
    }

    private String publishReadyForIntegration() {
        String docId = sandbox.fis().add("expense", new ConcurDocumentGenerator(7).expenseReport(2));
        return sandbox.fis().approve(docId);
    }

    private List<SimRequest> deliveredTo() {
        return receiver.requests();
    }

    @Test
    void deliveryIsSignedWithTheSandboxKeyOverTheRawBody() throws Exception {
        // given a subscriber
        sandbox(ConcurSandboxSettings.builder());

        // when an event is published
        String eventId = publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then the signature verifies with the published PEM, and fails once the body changes
        SimRequest delivery = deliveredTo().get(0);
        PublicKey key = readPem(Files.readString(sandbox.webhookPublicKeyPem()));
        byte[] signature = Base64.getDecoder().decode(delivery.header("Concur-Signature"));
        assertThat(verify(key, delivery.body(), signature)).isTrue();
        byte[] tampered = delivery.bodyString().replace(eventId, "00000000-0000-0000-0000-000000000000")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verify(key, tampered, signature)).isFalse();
        assertThat(delivery.header("Concur-Correlationid")).isEqualTo(delivery.json().get("correlationId").asText());
    }

    @Test
    void rotatedSigningKeySignsLaterEventsAndTheOldKeyNoLongerVerifies() throws Exception {
        // given a subscriber and the key published before the rotation
        sandbox(ConcurSandboxSettings.builder());
        PublicKey before = readPem(Files.readString(sandbox.webhookPublicKeyPem()));

        // when Concur rotates its key and publishes
        java.nio.file.Path rotated = sandbox.rotateWebhookSigningKey();
        publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then only the new key verifies the delivery
        SimRequest delivery = deliveredTo().get(0);
        byte[] signature = Base64.getDecoder().decode(delivery.header("Concur-Signature"));
        assertThat(verify(readPem(Files.readString(rotated)), delivery.body(), signature)).isTrue();
        assertThat(verify(before, delivery.body(), signature)).isFalse();
        assertThat(sandbox.webhookPublicKeyPem()).isEqualTo(rotated);
    }

    @Test
    void readyForIntegrationEnvelopeIsShapedLikeThePublishedSample() {
        // given a subscriber
        sandbox(ConcurSandboxSettings.builder());

        // when a document is approved
        String eventId = publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then the envelope has the published fields, in the published order
        JsonNode event = deliveredTo().get(0).json();
        JsonNode sample = ConcurFis.Samples.json("ess-webhook-fis-expense-ready-for-integration.json");
        assertThat(event.fieldNames()).toIterable().containsExactlyElementsOf(() -> sample.fieldNames());
        assertThat(event.get("facts").fieldNames()).toIterable()
                .containsExactlyElementsOf(() -> sample.get("facts").fieldNames());
        assertThat(event.get("id").asText()).isEqualTo(eventId);
        assertThat(event.get("data").isNull()).isTrue();
        assertThat(event.get("timeStamp").asText()).endsWith("+0000");
        assertThat(event.get("facts").get("href").asText()).startsWith(sandbox.dataCentreUri().toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 401, 403, 429})
    void retryableStatusIsRetriedUntilDelivered(int status) {
        // given a subscriber that fails twice with a retryable status
        sandbox(ConcurSandboxSettings.builder());
        receiver.faults().inject(Fault.status(status), 2);

        // when an event is published
        String eventId = publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then ESS tried three times and the third attempt was delivered
        assertThat(sandbox.events().deliveries()).extracting(Delivery::eventId, Delivery::attempt,
                        Delivery::httpStatus, Delivery::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(eventId, 1, status, Delivery.Outcome.RETRYING),
                        org.assertj.core.groups.Tuple.tuple(eventId, 2, status, Delivery.Outcome.RETRYING),
                        org.assertj.core.groups.Tuple.tuple(eventId, 3, 200, Delivery.Outcome.DELIVERED));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422})
    void otherClientErrorDropsTheEvent(int status) {
        // given a subscriber that answers a non-retryable 4xx
        sandbox(ConcurSandboxSettings.builder());
        receiver.faults().inject(Fault.status(status), 1);

        // when an event is published
        publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then it is never retried
        assertThat(sandbox.events().deliveries()).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DROPPED));
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void connectionResetIsRetriedAsAnIoError() {
        // given a subscriber that drops the first connection
        sandbox(ConcurSandboxSettings.builder());
        receiver.faults().inject(Fault.connectionReset(), 1);

        // when an event is published
        publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then the I/O error is logged as -1 and retried
        assertThat(sandbox.events().deliveries()).extracting(Delivery::httpStatus).containsExactly(-1, 200);
    }

    @Test
    void timeoutIsRetried() {
        // given a subscriber slower than the delivery timeout once
        sandbox = ConcurSandbox.start(ConcurSandboxSettings.builder().retryBackoff(Duration.ofMillis(20))
                .deliveryTimeout(Duration.ofMillis(300)).build());
        sandbox.events().subscribe("slow", ConcurEvents.TOPIC_FIS, ".*", receiver.baseUri().resolve("/webhook"));
        receiver.faults().inject(Fault.slow(Duration.ofMillis(800)), 1);

        // when an event is published
        publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then the timed-out attempt is retried
        assertThat(sandbox.events().deliveries()).extracting(Delivery::httpStatus).containsExactly(-1, 200);
    }

    @Test
    void retriesAreBoundedByMaxDeliveryAttempts() {
        // given a subscriber that always fails
        sandbox(ConcurSandboxSettings.builder().maxDeliveryAttempts(3));
        receiver.faults().always(Fault.status(503));

        // when an event is published
        publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then ESS gives up after three attempts
        assertThat(sandbox.events().deliveries()).extracting(Delivery::outcome)
                .containsExactly(Delivery.Outcome.RETRYING, Delivery.Outcome.RETRYING, Delivery.Outcome.GAVE_UP);
    }

    @Test
    void duplicateRateDeliversTheSameEventIdTwice() {
        // given every event is duplicated
        sandbox(ConcurSandboxSettings.builder().duplicateRate(1.0));

        // when two events are published
        String first = publishReadyForIntegration();
        String second = publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then each event id arrived twice
        assertThat(deliveredTo()).extracting(r -> r.json().get("id").asText())
                .containsExactlyInAnyOrder(first, first, second, second);
    }

    @Test
    void reorderLetsLaterEventsOvertakeEarlierOnes() {
        // given reordering
        sandbox(ConcurSandboxSettings.builder().reorder(true).seed(11));

        // when twenty events are published one after the other
        List<String> published = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            published.add(sandbox.events().publish(ConcurEvents.TOPIC_FIS, "expense.readyForIntegration",
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("n", i)));
        }
        sandbox.events().awaitIdle(WAIT);

        // then all arrive, not in publishing order
        List<String> arrived = deliveredTo().stream().map(r -> r.json().get("id").asText()).toList();
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(published).isNotEqualTo(published);
    }

    @Test
    void severalDeliveryThreadsDeliverConcurrently() {
        // given a subscriber that takes a while to answer and counts requests in flight
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
        receiver.route("POST", "/slow", request -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(200);
            inFlight.decrementAndGet();
            return SimResponse.empty(200);
        });
        sandbox = ConcurSandbox.start(ConcurSandboxSettings.builder().deliveryThreads(4).build());
        sandbox.events().subscribe("slow", ConcurEvents.TOPIC_TEST, ".*", receiver.baseUri().resolve("/slow"));

        // when eight events are published
        for (int i = 0; i < 8; i++) {
            sandbox.events().publish(ConcurEvents.TOPIC_TEST, "test",
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        sandbox.events().awaitIdle(WAIT);

        // then more than one delivery was in flight at a time
        assertThat(maxInFlight.get()).isGreaterThan(1);
        assertThat(sandbox.events().deliveries()).hasSize(8);
    }

    @Test
    void filterIsARegexOverTheEventType() {
        // given a subscription for invoices only
        sandbox = ConcurSandbox.start();
        sandbox.events().subscribe("invoices", ConcurEvents.TOPIC_FIS, "invoice\\..*",
                receiver.baseUri().resolve("/webhook"));
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(3);

        // when an expense and an invoice become ready
        sandbox.fis().approve(sandbox.fis().add("expense", generator.expenseReport(1)));
        String invoiceEvent = sandbox.fis().approve(sandbox.fis().add("invoice", generator.invoice(1)));
        sandbox.events().awaitIdle(WAIT);

        // then only the invoice event is delivered
        assertThat(deliveredTo()).extracting(r -> r.json().get("id").asText()).containsExactly(invoiceEvent);
    }

    @Test
    void nothingIsDeliveredBeforeTheCompanyIsConnectedWhenRequired() {
        // given a sandbox that requires the company token first
        sandbox(ConcurSandboxSettings.builder().requireConnectedCompany(true));
        publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);
        assertThat(deliveredTo()).isEmpty();

        // when the company connects
        Http.companyToken(sandbox);
        String eventId = publishReadyForIntegration();
        sandbox.events().awaitIdle(WAIT);

        // then the company is in companyIds and events arrive
        assertThat(sandbox.events().subscriptions().get(0).get("companyIds").get(0).asText())
                .isEqualTo(sandbox.companyId());
        assertThat(deliveredTo()).extracting(r -> r.json().get("id").asText()).containsExactly(eventId);
    }

    @Test
    void subscriptionApiSavesGetsListsAndDeletesWithThePublishedBodies() {
        // given an app token
        sandbox = ConcurSandbox.start();
        String app = Http.appToken(sandbox);
        ObjectNode request = (ObjectNode) ConcurFis.Samples.json("ess-create-subscription-request.json");
        request.with("webHookConfig").put("endpoint", receiver.baseUri().resolve("/webhook").toString());

        // when the subscription is PUT, read, listed and deleted
        Http.Answer put = Http.send("PUT", sandbox.dataCentreUri().resolve("/events/v4/subscriptions/webhook"), app,
                request.toString());
        Http.Answer one = Http.get(sandbox.dataCentreUri().resolve("/events/v4/subscriptions/my-unique-subscription-id"),
                app);
        Http.Answer list = Http.get(sandbox.dataCentreUri().resolve("/events/v4/subscriptions"), app);
        Http.Answer deleted = Http.send("DELETE",
                sandbox.dataCentreUri().resolve("/events/v4/subscriptions/my-unique-subscription-id"), app, null);

        // then the bodies match the published samples
        assertThat(put.json()).isEqualTo(ConcurFis.Samples.json("ess-create-subscription-response.json"));
        JsonNode sample = ConcurFis.Samples.json("ess-get-subscription-response.json").get(0);
        assertThat(one.json().get(0).fieldNames()).toIterable().containsExactlyElementsOf(() -> sample.fieldNames());
        assertThat(one.json().get(0).get("applicationId").asText()).isEqualTo(sandbox.clientId());
        assertThat(list.json()).hasSize(1);
        assertThat(deleted.json()).isEqualTo(ConcurFis.Samples.json("ess-delete-subscription-response.json"));
        assertThat(sandbox.events().subscriptions()).isEmpty();
    }

    @Test
    void companyTokenIsRefusedByTheSubscriptionApi() {
        // given a company token
        sandbox = ConcurSandbox.start();
        String company = Http.companyToken(sandbox).get("access_token").asText();

        // when it lists subscriptions
        Http.Answer answer = Http.get(sandbox.dataCentreUri().resolve("/events/v4/subscriptions"), company);

        // then ESS wants the App token
        assertThat(answer.status()).isEqualTo(403);
    }

    private static PublicKey readPem(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static boolean verify(PublicKey key, byte[] body, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(body);
        return verifier.verify(signature);
    }
}
