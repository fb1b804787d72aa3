package io.mlconnector.app.http;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Mutual TLS for the webhook: a client certificate is accepted only when it chains to one of the configured CAs
 * (PKIX, as the JDK checks it) and names the configured subject, as its CN or as a DNS subject-alternative name.
 * Concur's ESS presents a certificate for {@code webhook.api.concursolutions.com}; a certificate from the same public
 * CA issued to anyone else must not pass, which the chain check alone would allow. Refusing here fails the handshake,
 * before a byte of HTTP is read.
 */
final class ClientCertificateCheck implements X509TrustManager {
    private static final int SAN_DNS = 2;

    private final String subject;
    private volatile X509TrustManager pkix;

    ClientCertificateCheck(String subject) {
        this.subject = subject.toLowerCase(Locale.ROOT);
    }

    /** Trusts the certificates in the CA files from now on (PEM or DER, several per file allowed). */
    void trust(List<Path> caFiles) {
        this.pkix = pkix(caFiles);
    }

    private static X509TrustManager pkix(List<Path> caFiles) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            int n = 0;
            for (Path file : caFiles) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate ca : x509.generateCertificates(in)) {
                        anchors.setCertificateEntry("ca-" + n++, ca);
                    }
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException("no CA certificate in " + caFiles);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the client CA file(s) " + caFiles + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
        if (!names(chain[0], subject)) {
            throw new CertificateException("client certificate " + chain[0].getSubjectX500Principal().getName()
                    + " is not issued to " + subject);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a listener does not check servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    static boolean names(X509Certificate certificate, String subject) throws CertificateParsingException {
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        if (alternatives != null) {
            for (List<?> name : alternatives) {
                if (Integer.valueOf(SAN_DNS).equals(name.get(0)) && subject.equalsIgnoreCase(String.valueOf(name.get(1)))) {
                    return true;
                }
            }
        }
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType()) && subject.equalsIgnoreCase(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
        } catch (InvalidNameException e) {
            return false;
        }
        return false;
    }
}
