package io.mlconnector.app.http;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates made inside a test (BouncyCastle): a CA, and server or client certificates it issues for a host name
 * (as CN and DNS subject-alternative name). Keys exist only in memory and in the test's temporary folder.
 */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /** A key pair and its certificate, with the chain up to (excluding) the root. */
    public record Issued(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {
        /** Writes {@code <name>.crt} (leaf then issuer, PEM) and {@code <name>.key} (PKCS#8 PEM) into {@code dir}. */
        public Path[] writePem(Path dir, String name) {
            Path crt = dir.resolve(name + ".crt");
            Path key = dir.resolve(name + ".key");
            write(crt, pem("CERTIFICATE", encoded(certificate)) + pem("CERTIFICATE", encoded(issuer)));
            write(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            return new Path[] {crt, key};
        }

        /** A PKCS#12 keystore with this key and chain. */
        public Path writePkcs12(Path file, char[] password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", keys.getPrivate(), password, new X509Certificate[] {certificate, issuer});
                try (var out = Files.newOutputStream(file)) {
                    store.store(out, password);
                }
                return file;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A client SSL context presenting this certificate and trusting {@code serverCa}. */
        public SSLContext clientContext(X509Certificate serverCa) {
            try {
                KeyStore own = KeyStore.getInstance("PKCS12");
                own.load(null, null);
                own.setKeyEntry("client", keys.getPrivate(), new char[0], new X509Certificate[] {certificate, issuer});
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(own, new char[0]);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), trusting(serverCa).getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestPki(KeyPair caKeys, X509Certificate ca) {
        this.caKeys = caKeys;
        this.ca = ca;
    }

    public static TestPki ca(String name) {
        KeyPair keys = rsa();
        X500Name subject = new X500Name("CN=" + name);
        return new TestPki(keys, sign(subject, subject, keys, keys, true, null));
    }

    public X509Certificate certificate() {
        return ca;
    }

    public Path writeCaPem(Path file) {
        write(file, pem("CERTIFICATE", encoded(ca)));
        return file;
    }

    /** A certificate for {@code host} (CN, and a DNS or IP subject-alternative name) issued by this CA. */
    public Issued issue(String host) {
        KeyPair keys = rsa();
        X509Certificate certificate = sign(new X500Name("CN=" + host), new X500Name(ca.getSubjectX500Principal().getName()),
                keys, caKeys, false, host);
        return new Issued(keys, certificate, ca);
    }

    /** A client SSL context that trusts this CA and presents no certificate. */
    public SSLContext trustingClient() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trusting(ca).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrustManagerFactory trusting(X509Certificate ca) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf;
    }

    private static X509Certificate sign(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys,
                                        boolean isCa, String dnsName) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(2))), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (dnsName != null) {
                int type = dnsName.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName;
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(type, dnsName)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
