package io.mlconnector.concur.internal;

import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies {@code Concur-Signature} (https://developer.concur.com/api-reference/ess/v4.event-subscription.html). The
 * docs name neither algorithm nor encoding: we assume {@code SHA256withRSA} over the raw body, base64 header value, and
 * keep the algorithm configurable. Several keys are accepted at once so the yearly key rotation needs no downtime.
 */
public final class SignatureVerifier {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final List<PublicKey> keys;
    private final String algorithm;

    public SignatureVerifier(List<PublicKey> keys, String algorithm) {
        if (keys == null || keys.isEmpty()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "at least one webhook public key is required");
        }
        this.keys = List.copyOf(keys);
        this.algorithm = algorithm;
        try {
            Signature.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "unknown signature algorithm " + algorithm, e);
        }
    }

    /** True when the base64 signature verifies over the body with any configured key. */
    public boolean verify(byte[] body, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureHeader.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (PublicKey key : keys) {
            try {
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(key);
                verifier.update(body);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // this key cannot verify this signature (wrong size, wrong type): try the next one
            }
        }
        return false;
    }

    public int keyCount() {
        return keys.size();
    }

    /** Reads every RSA key from PEM files: SubjectPublicKeyInfo ("PUBLIC KEY") blocks or X.509 certificates. */
    public static List<PublicKey> readPem(List<Path> files) {
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : files) {
            try {
                keys.addAll(parsePem(Files.readString(file, StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new ConcurException(ConcurErrorType.CONFIGURATION, "cannot read webhook key file " + file, e);
            }
        }
        return keys;
    }

    /** Parses the PEM blocks of one text. */
    public static List<PublicKey> parsePem(String pem) {
        List<PublicKey> keys = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            try {
                switch (m.group(1)) {
                    case "PUBLIC KEY" -> keys.add(KeyFactory.getInstance("RSA")
                            .generatePublic(new X509EncodedKeySpec(der)));
                    case "CERTIFICATE" -> keys.add(((X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der))).getPublicKey());
                    default -> {
                        // other blocks (private keys, parameters) are ignored
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new ConcurException(ConcurErrorType.CONFIGURATION, "webhook key PEM block cannot be read", e);
            }
        }
        if (keys.isEmpty()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "no PUBLIC KEY or CERTIFICATE block found");
        }
        return keys;
    }
}
