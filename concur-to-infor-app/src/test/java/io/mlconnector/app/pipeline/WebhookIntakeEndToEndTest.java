package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.Quarantine;
import io.mlconnector.concur.api.ConcurWebhookSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries the app's webhook must refuse, sent over real HTTP to the running app: each is answered with the
 * documented status, kept with its raw body in the quarantine, and creates no work.
 */
class WebhookIntakeEndToEndTest extends EndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeEach
    void startTheApp() {
        start();
    }

    @Test
    void aDeliverySignedWithAnotherKeyIsAnswered401AndQuarantinedWithoutWork() throws Exception {
        // given a well-formed readyForIntegration event for a real document, signed with a key Concur does not hold
        String docId = harness.concur.fis().seedPublishedSamples().get(0);
        byte[] body = event(harness.concur.fis().businessId(docId)).getBytes(StandardCharsets.UTF_8);
        PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();

        // when it is POSTed to the app's webhook
        HttpResponse<String> answer = post(body, sign(body, stranger));

        // then 401, the raw body is kept in the quarantine, and nothing reached the inbox, Concur's FIS or ION
        assertThat(answer.statusCode()).isEqualTo(401);
        assertQuarantinedOnlyThis(body, "401");
        assertNoWork();
    }

    @Test
    void malformedJsonWithAGoodSignatureIsAnswered400AndQuarantinedWithItsRawBody() throws Exception {
        // given a body that is not JSON, correctly signed with Concur's webhook key
        byte[] body = "{\"id\": \"evt-1\", \"topic\": ".getBytes(StandardCharsets.UTF_8);

        // when it is POSTed to the app's webhook
        HttpResponse<String> answer = post(body, sign(body, harness.concur.webhookSigningKeys().getPrivate()));

        // then 400, the raw body is kept byte for byte, and no work was created
        assertThat(answer.statusCode()).isEqualTo(400);
        assertQuarantinedOnlyThis(body, "400");
        assertNoWork();
    }

    private void assertQuarantinedOnlyThis(byte[] body, String status) {
        assertThat(harness.store().quarantine().recent(10)).singleElement().satisfies(delivery -> {
            assertThat(delivery.body()).isEqualTo(body);
            assertThat(delivery.reason()).startsWith(status);
        });
    }

    private void assertNoWork() {
        assertThat(harness.store().inbox().countByState().values()).containsOnly(0L);
        assertThat(harness.concur.requests()).noneMatch(r -> r.path().contains("/financialintegration/"));
        assertThat(harness.infor.messages()).isEmpty();
    }

    private HttpResponse<String> post(byte[] body, String signature) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(harness.app.webhookUri())
                .header("Content-Type", "application/json")
                .header(ConcurWebhookSource.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sign(byte[] body, PrivateKey key) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(harness.concur.signatureAlgorithm());
        signer.initSign(key);
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    /**
     * A readyForIntegration envelope shaped like ESS's
     * (https://developer.concur.com/event-topics/Shared/ready-for-integration-event.html).
     */
    private String event(String businessId) {
        return """
                {"id":"a1b2c3d4-0000-4000-8000-000000000001","correlationId":"c-1",
                 "topic":"public.concur.financialintegration","subtopic":"p0085104gigw",
                 "eventType":"expense.readyForIntegration","timestamp":"2026-11-28T09:00:00.000+0000",
                 "companyId":"%s","data":null,
                 "facts":{"companyId":"%s","documentId":"%s","entityId":"p0085104gigw"}}"""
                .formatted(harness.concur.companyId(), harness.concur.companyId(), businessId);
    }
}
