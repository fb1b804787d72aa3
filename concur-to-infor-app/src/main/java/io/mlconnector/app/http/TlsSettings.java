package io.mlconnector.app.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TLS on one listener: the server's key and certificate chain, either a PEM pair ({@code certificate} holds the chain,
 * leaf first; {@code privateKey} the PKCS#8 or PKCS#1 key) or one PKCS#12 keystore ({@code certificate} ends in
 * {@code .p12} or {@code .pfx}, {@code keystorePassword} opens it, {@code privateKey} is absent). With
 * {@code clientCas} set, mutual TLS: a client must present a certificate that chains to one of these CAs and whose
 * subject CN or a DNS subject-alternative name equals {@code clientSubject}; any other is refused in the handshake.
 * The files are re-read every {@code reloadInterval} and a changed set is used for new connections, without a restart.
 */
public record TlsSettings(Path certificate, Optional<Path> privateKey, String keystorePassword, List<Path> clientCas,
                          String clientSubject, Duration reloadInterval) {
    /** The host name in the client certificate Concur's ESS presents when it delivers a webhook. */
    public static final String CONCUR_WEBHOOK_SUBJECT = "webhook.api.concursolutions.com";

    public TlsSettings {
        clientCas = List.copyOf(clientCas);
        if (!isKeystore(certificate) && privateKey.isEmpty()) {
            throw new IllegalArgumentException("a PEM certificate " + certificate + " needs its private key file");
        }
        if (!clientCas.isEmpty() && (clientSubject == null || clientSubject.isBlank())) {
            throw new IllegalArgumentException("mutual TLS needs the client certificate subject to accept");
        }
    }

    public boolean mutual() {
        return !clientCas.isEmpty();
    }

    static boolean isKeystore(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    @Override
    public String toString() {
        return "TlsSettings[certificate=" + certificate + ", privateKey=" + privateKey.orElse(null) + ", clientCas="
                + clientCas + ", clientSubject=" + clientSubject + "]";
    }
}
