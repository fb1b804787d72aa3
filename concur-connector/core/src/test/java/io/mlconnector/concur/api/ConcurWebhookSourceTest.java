package io.mlconnector.concur.api;

import io.mlconnector.concur.support.Keys;
import io.mlconnector.concur.support.Samples;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.concur.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The ESS webhook Source on a real port, fed by the sandbox's signed publisher (notes §3.3–3.5). */
class ConcurWebhookSourceTest {
    private static KeyPair nextYearsKey;
    private static KeyPair strangersKey;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private ConcurSandbox concur;
    private ConcurWebhookSource source;
    private final List<ConcurEvent> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void keys() {
        nextYearsKey = Keys.rsa();
        strangersKey = Keys.rsa();
    }

    @BeforeEach
    void start() {
        concur = ConcurSandbox.start(ConcurSandboxSettings.builder().retryBackoff(Duration.ofMillis(50)).build());
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        concur.close();
    }

    /** A source trusting the sandbox key and next year's key (a rotation in progress). */
    private ConcurWebhookSource startSource(ConcurWebhookSource.EventListener listener) {
        source = new ConcurWebhookSource(WebhookSettings.builder()
                .publicKeyFile(Keys.pem(nextYearsKey.getPublic(), dir.resolve("next.pem")))
                .publicKeyFile(concur.webhookPublicKeyPem())
                .host("127.0.0.1").port(0).build());
        source.start(listener);
        return source;
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(source.uri()).header("Content-Type", "application/json")
                .header("Concur-Correlationid", "delivery-42")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header("Concur-Signature", signature);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eventPublishedByConcurIsVerifiedAndHandedToTheListener() {
        // given
        startSource(received::add);
        concur.events().subscribe("ml-fis", ConcurEvent.TOPIC_FINANCIAL_INTEGRATION, ".*", source.uri());
        String fisId = concur.fis().add("expense", new ConcurDocumentGenerator(7).expenseReport(2));

        // when
        String eventId = concur.fis().approve(fisId);
        concur.events().awaitIdle(Duration.ofSeconds(10));

        // then
        assertThat(received).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(eventId);
            assertThat(e.fisDocType()).contains(FisDocType.EXPENSE);
            assertThat(e.documentId()).contains(concur.fis().businessId(fisId));
            assertThat(e.deliveryCorrelationId()).isNotBlank();
            assertThat(e.timeStamp()).isNotNull();
        });
        assertThat(concur.events().deliveries()).extracting(Delivery::httpStatus).containsExactly(200);
    }

    @Test
    void signatureFromEitherTrustedKeyIsAcceptedAndAnUntrustedOneIsNot() throws Exception {
        // given
        startSource(received::add);
        byte[] body = Samples.bytes("ess-webhook-fis-expense-ready-for-integration.json");

        // when
        int withCurrentKey = post(body, Keys.sign(concur.webhookSigningKeys(), body)).statusCode();
        int withNextYearsKey = post(body, Keys.sign(nextYearsKey, body)).statusCode();
        int withStrangersKey = post(body, Keys.sign(strangersKey, body)).statusCode();

        // then
        assertThat(withCurrentKey).isEqualTo(200);
        assertThat(withNextYearsKey).isEqualTo(200);
        assertThat(withStrangersKey).isEqualTo(401);
        assertThat(received).hasSize(2).allSatisfy(e -> assertThat(e.deliveryCorrelationId()).isEqualTo("delivery-42"));
    }

    @Test
    void changedBodyIsAnswered401AndNeverReachesTheListener() throws Exception {
        // given
        startSource(received::add);
        byte[] body = Samples.bytes("ess-webhook-fis-expense-ready-for-integration.json");
        String signature = Keys.sign(concur.webhookSigningKeys(), body);
        byte[] changed = new String(body, StandardCharsets.UTF_8).replace("5F8FC21234374B979809",
                "5F8FC21234374B979800").getBytes(StandardCharsets.UTF_8);

        // when
        HttpResponse<String> answer = post(changed, signature);

        // then
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void missingSignatureIsAnswered401() throws Exception {
        startSource(received::add);

        assertThat(post(Samples.bytes("ess-webhook-expense-report-created.json"), null).statusCode()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void correctlySignedBodyThatIsNotJsonIsAnswered400() throws Exception {
        // given
        startSource(received::add);
        byte[] body = "{\"id\": \"oops".getBytes(StandardCharsets.UTF_8);

        // when
        HttpResponse<String> answer = post(body, Keys.sign(concur.webhookSigningKeys(), body));

        // then
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(received).isEmpty();
    }

    @Test
    void listenerFailureIsAnswered500AndConcurDeliversAgain() {
        // given a listener that fails on the first delivery
        AtomicInteger calls = new AtomicInteger();
        startSource(event -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("inbox unavailable");
            }
            received.add(event);
        });
        concur.events().subscribe("ml-fis", ConcurEvent.TOPIC_FINANCIAL_INTEGRATION, ".*", source.uri());
        String fisId = concur.fis().add("expense", new ConcurDocumentGenerator(8).expenseReport(1));

        // when
        String eventId = concur.fis().approve(fisId);
        concur.events().awaitIdle(Duration.ofSeconds(10));

        // then
        assertThat(concur.events().deliveries()).extracting(Delivery::httpStatus).containsExactly(500, 200);
        assertThat(received).extracting(ConcurEvent::id).containsExactly(eventId);
    }

    @Test
    void rotatedKeyFileIsPickedUpByReloadWithoutRestart() throws Exception {
        // given a source that trusts only an old key file
        Path keyFile = Keys.pem(strangersKey.getPublic(), dir.resolve("concur.pem"));
        source = new ConcurWebhookSource(WebhookSettings.builder().publicKeyFile(keyFile).host("127.0.0.1").port(0)
                .build());
        source.start(received::add);
        byte[] body = Samples.bytes("ess-webhook-fis-invoice-ready-for-integration.json");
        String signature = Keys.sign(concur.webhookSigningKeys(), body);
        assertThat(post(body, signature).statusCode()).isEqualTo(401);

        // when the operator drops in the new key and reloads
        Files.copy(concur.webhookPublicKeyPem(), keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        source.reloadKeys();

        // then
        assertThat(post(body, signature).statusCode()).isEqualTo(200);
        assertThat(received).extracting(ConcurEvent::id).containsExactly("ett80969-9d7b-41d3-ad64-6649839cc89a");
    }

    @Test
    void yearlyKeyRotationNeedsNoDowntime() throws Exception {
        // given a source trusting this year's key file and a slot for next year's
        Path current = dir.resolve("current.pem");
        Path next = dir.resolve("next.pem");
        Files.copy(concur.webhookPublicKeyPem(), current);
        Files.copy(concur.webhookPublicKeyPem(), next);
        source = new ConcurWebhookSource(WebhookSettings.builder().publicKeyFile(current).publicKeyFile(next)
                .host("127.0.0.1").port(0).build());
        source.start(received::add);
        concur.events().subscribe("ml-fis", ConcurEvent.TOPIC_FINANCIAL_INTEGRATION, ".*", source.uri());
        String before = concur.fis().approve(concur.fis().add("expense", new ConcurDocumentGenerator(9).expenseReport(1)));
        concur.events().awaitIdle(Duration.ofSeconds(10));

        // when Concur rotates and the operator installs the new key next to the old one
        Files.copy(concur.rotateWebhookSigningKey(), next, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        source.reloadKeys();
        String after = concur.fis().approve(concur.fis().add("expense", new ConcurDocumentGenerator(10).expenseReport(1)));
        concur.events().awaitIdle(Duration.ofSeconds(10));

        // then
        assertThat(received).extracting(ConcurEvent::id).containsExactly(before, after);
        assertThat(concur.events().deliveries()).extracting(Delivery::httpStatus).containsExactly(200, 200);
    }

    @Test
    void sourceWithoutKeysIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookSettings.builder().build())
                .isInstanceOfSatisfying(ConcurException.class,
                        e -> assertThat(e.type()).isEqualTo(ConcurErrorType.CONFIGURATION));
    }

    @Test
    void getRequestIsAnswered405() throws Exception {
        startSource(received::add);

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(source.uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(URI.create(source.uri().toString()).getPath()).isEqualTo("/concur/events");
    }
}
