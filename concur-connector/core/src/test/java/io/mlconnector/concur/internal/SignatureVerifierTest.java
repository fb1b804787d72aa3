package io.mlconnector.concur.internal;

import io.mlconnector.concur.support.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {
    private static KeyPair before;
    private static KeyPair after;
    private static KeyPair stranger;
    private static final byte[] BODY = Samples.bytes("ess-webhook-fis-invoice-ready-for-integration.json");

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        before = generator.generateKeyPair();
        after = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    static String sign(KeyPair keys, byte[] body) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keys.getPrivate());
        s.update(body);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    private static SignatureVerifier rotating() {
        return new SignatureVerifier(List.of(before.getPublic(), after.getPublic()), "SHA256withRSA");
    }

    @Test
    void signatureFromEitherOfTwoConfiguredKeysIsAccepted() throws GeneralSecurityException {
        assertThat(rotating().verify(BODY, sign(before, BODY))).isTrue();
        assertThat(rotating().verify(BODY, sign(after, BODY))).isTrue();
    }

    @Test
    void signatureIsRejectedWhenTheBodyChanges() throws GeneralSecurityException {
        // given
        String signature = sign(after, BODY);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("invoice", "expense")
                .getBytes(StandardCharsets.UTF_8);

        // then
        assertThat(rotating().verify(changed, signature)).isFalse();
    }

    @Test
    void signatureFromAnUnconfiguredKeyIsRejected() throws GeneralSecurityException {
        assertThat(rotating().verify(BODY, sign(stranger, BODY))).isFalse();
    }

    @Test
    void missingOrGarbledSignatureIsRejected() {
        assertThat(rotating().verify(BODY, null)).isFalse();
        assertThat(rotating().verify(BODY, "")).isFalse();
        assertThat(rotating().verify(BODY, "not base64 !!")).isFalse();
    }

    @Test
    void publishedPemKeysAndTheWebhookCertificateAreRead() {
        // when
        List<PublicKey> keys = SignatureVerifier.readPem(List.of(
                Samples.file("ess-signature-public-key-before-2025-10-22.pem"),
                Samples.file("ess-signature-public-key-after-2025-10-22.pem"),
                Samples.file("ess-webhook-client-cert-2026.webhook.api.concursolutions.com.pem")));

        // then: three RSA keys; the 2026 certificate carries the "after" key
        assertThat(keys).hasSize(3).allSatisfy(k -> assertThat(k.getAlgorithm()).isEqualTo("RSA"));
        assertThat(keys.get(2).getEncoded()).isEqualTo(keys.get(1).getEncoded());
        assertThat(keys.get(0).getEncoded()).isNotEqualTo(keys.get(1).getEncoded());
    }
}
