package io.mlconnector.concur.api;

import io.mlconnector.concur.api.ConcurWebhookSource.Answer;
import io.mlconnector.concur.support.Keys;
import io.mlconnector.concur.support.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ESS webhook Source's verdict on deliveries as an HTTP server hands them over
 * (https://developer.concur.com/api-reference/ess/v4.event-subscription.html); the Camel adapter's tests send the same
 * deliveries over a real port.
 */
class ConcurWebhookSourceTest {
    private static KeyPair concursKey;
    private static KeyPair nextYearsKey;
    private static KeyPair strangersKey;

    @TempDir
    Path dir;
    private final List<ConcurEvent> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void keys() {
        concursKey = Keys.rsa();
        nextYearsKey = Keys.rsa();
        strangersKey = Keys.rsa();
    }

    /** A source trusting Concur's key and next year's key (a rotation in progress). */
    private ConcurWebhookSource source() {
        return new ConcurWebhookSource(WebhookSettings.builder()
                .publicKeyFile(Keys.pem(concursKey.getPublic(), dir.resolve("current.pem")))
                .publicKeyFile(Keys.pem(nextYearsKey.getPublic(), dir.resolve("next.pem"))).build());
    }

    @Test
    void signatureFromEitherTrustedKeyIsAcceptedAndAnUntrustedOneIsNot() {
        // given
        ConcurWebhookSource source = source();
        byte[] body = Samples.bytes("ess-webhook-fis-expense-ready-for-integration.json");

        // when
        Answer withCurrentKey = source.onDelivery(body, Keys.sign(concursKey, body), "delivery-42", received::add);
        Answer withNextYearsKey = source.onDelivery(body, Keys.sign(nextYearsKey, body), "delivery-42", received::add);
        Answer withStrangersKey = source.onDelivery(body, Keys.sign(strangersKey, body), "delivery-42", received::add);

        // then
        assertThat(withCurrentKey.status()).isEqualTo(200);
        assertThat(withNextYearsKey.status()).isEqualTo(200);
        assertThat(withStrangersKey.status()).isEqualTo(401);
        assertThat(withStrangersKey.signatureVerified()).isFalse();
        assertThat(received).hasSize(2).allSatisfy(e -> {
            assertThat(e.deliveryCorrelationId()).isEqualTo("delivery-42");
            assertThat(e.fisDocType()).contains(FisDocType.EXPENSE);
        });
    }

    @Test
    void changedBodyIsAnswered401AndNeverReachesTheListener() {
        // given
        byte[] body = Samples.bytes("ess-webhook-fis-expense-ready-for-integration.json");
        String signature = Keys.sign(concursKey, body);
        byte[] changed = new String(body, StandardCharsets.UTF_8).replace("5F8FC21234374B979809",
                "5F8FC21234374B979800").getBytes(StandardCharsets.UTF_8);

        // when
        Answer answer = source().onDelivery(changed, signature, null, received::add);

        // then
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.refused()).isTrue();
        assertThat(received).isEmpty();
    }

    @Test
    void missingSignatureIsAnswered401() {
        Answer answer = source().onDelivery(Samples.bytes("ess-webhook-expense-report-created.json"), null, null,
                received::add);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.message()).isEqualTo("missing Concur-Signature");
        assertThat(received).isEmpty();
    }

    @Test
    void correctlySignedBodyThatIsNotJsonIsAnswered400AndMarkedAsFromConcur() {
        // given
        byte[] body = "{\"id\": \"oops".getBytes(StandardCharsets.UTF_8);

        // when
        Answer answer = source().onDelivery(body, Keys.sign(concursKey, body), null, received::add);

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.signatureVerified()).isTrue();
        assertThat(received).isEmpty();
    }

    @Test
    void listenerFailureIsAnswered500SoConcurDeliversAgain() {
        // given
        byte[] body = Samples.bytes("ess-webhook-fis-invoice-ready-for-integration.json");

        // when
        Answer answer = source().onDelivery(body, Keys.sign(concursKey, body), null, event -> {
            throw new IllegalStateException("inbox unavailable");
        });

        // then
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.refused()).isFalse();
        assertThat(ConcurWebhookSource.responseBody(answer)).isEqualTo("{\"status\":500,\"message\":\"event not accepted\"}");
    }

    @Test
    void rotatedKeyFileIsPickedUpByReloadWithoutRestart() throws Exception {
        // given a source that trusts only an old key file
        Path keyFile = Keys.pem(strangersKey.getPublic(), dir.resolve("concur.pem"));
        ConcurWebhookSource source = new ConcurWebhookSource(WebhookSettings.builder().publicKeyFile(keyFile).build());
        byte[] body = Samples.bytes("ess-webhook-fis-invoice-ready-for-integration.json");
        String signature = Keys.sign(concursKey, body);
        assertThat(source.onDelivery(body, signature, null, received::add).status()).isEqualTo(401);

        // when the operator drops in the new key and reloads
        Files.copy(Keys.pem(concursKey.getPublic(), dir.resolve("new.pem")), keyFile, StandardCopyOption.REPLACE_EXISTING);
        source.reloadKeys();

        // then
        assertThat(source.onDelivery(body, signature, null, received::add).status()).isEqualTo(200);
        assertThat(received).extracting(ConcurEvent::id).containsExactly("ett80969-9d7b-41d3-ad64-6649839cc89a");
    }

    @Test
    void sourceWithoutKeysIsAConfigurationError() {
        assertThatThrownBy(() -> WebhookSettings.builder().build())
                .isInstanceOfSatisfying(ConcurException.class,
                        e -> assertThat(e.type()).isEqualTo(ConcurErrorType.CONFIGURATION));
    }
}
