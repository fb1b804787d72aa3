package io.mlconnector.app.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * TLS and mutual TLS on a real listener of the HTTP edge, on loopback, with certificates made in the test.
 */
class HttpEdgeTlsTest {
    private static final String CONCUR = TlsSettings.CONCUR_WEBHOOK_SUBJECT;
    private static final HttpLimits LIMITS = new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(60), 64,
            1024 * 1024, 8192);

    @TempDir
    Path dir;
    private final TestPki serverCa = TestPki.ca("ml-connector test server CA");
    private final AtomicInteger handled = new AtomicInteger();
    private HttpEdge edge;

    @BeforeEach
    void createEdge() {
        edge = HttpEdge.create(4);
    }

    @AfterEach
    void closeEdge() {
        edge.close();
    }

    @Test
    void aTlsClientGetsThroughAndPlainHttpToTheTlsPortDoesNot() throws Exception {
        // given a TLS listener with a PEM key and chain
        Path[] pem = serverCa.issue("127.0.0.1").writePem(dir, "server");
        Listener listener = listen(tls(pem[0], Optional.of(pem[1]), List.of(), Duration.ofMinutes(1)));

        // when / then: HTTPS is answered, plain HTTP to the same port gets no answer
        assertThat(post(serverCa.trustingClient(), listener.baseUri()).statusCode()).isEqualTo(200);
        URI plain = URI.create("http://127.0.0.1:" + listener.port() + "/hello");
        assertThatThrownBy(() -> post(null, plain)).isInstanceOf(IOException.class);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aPkcs12KeystoreServesTlsToo() throws Exception {
        // given
        Path keystore = serverCa.issue("127.0.0.1").writePkcs12(dir.resolve("server.p12"), "changeit".toCharArray());
        Listener listener = listen(new TlsSettings(keystore, Optional.empty(), "changeit", List.of(), "",
                Duration.ofMinutes(1)));

        // when / then
        assertThat(post(serverCa.trustingClient(), listener.baseUri()).statusCode()).isEqualTo(200);
    }

    @Test
    void mutualTlsAcceptsOnlyTheConfiguredSubjectFromTheConfiguredCa() throws Exception {
        // given a webhook listener asking for Concur's client certificate from one CA
        TestPki clientCa = TestPki.ca("Concur's CA (test)");
        TestPki otherCa = TestPki.ca("another CA");
        Path[] pem = serverCa.issue("127.0.0.1").writePem(dir, "server");
        Listener listener = listen(tls(pem[0], Optional.of(pem[1]), List.of(clientCa.writeCaPem(dir.resolve("ca.pem"))),
                Duration.ofMinutes(1)));
        X509Certificate server = serverCa.certificate();

        // when Concur, someone else with a certificate from Concur's CA, a look-alike from another CA, and a client
        // without a certificate call
        int concur = post(clientCa.issue(CONCUR).clientContext(server), listener.baseUri()).statusCode();

        // then only Concur gets through; the others fail in the TLS handshake and never reach a route
        assertThat(concur).isEqualTo(200);
        assertThatThrownBy(() -> post(clientCa.issue("attacker.example.com").clientContext(server), listener.baseUri()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> post(otherCa.issue(CONCUR).clientContext(server), listener.baseUri()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> post(serverCa.trustingClient(), listener.baseUri())).isInstanceOf(IOException.class);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        // given a listener checking its TLS files every 100 ms
        Path[] pem = serverCa.issue("127.0.0.1").writePem(dir, "server");
        Listener listener = listen(tls(pem[0], Optional.of(pem[1]), List.of(), Duration.ofMillis(100)));
        BigInteger before = servedSerial(listener);

        // when the certificate and key are renewed on disk
        TestPki.Issued renewed = serverCa.issue("127.0.0.1");
        Path[] next = renewed.writePem(dir, "renewed");
        Files.move(next[1], pem[1], StandardCopyOption.REPLACE_EXISTING);
        Files.move(next[0], pem[0], StandardCopyOption.REPLACE_EXISTING);

        // then new connections get the renewed certificate from the same listener
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> servedSerial(listener).equals(renewed.certificate().getSerialNumber()));
        assertThat(before).isNotEqualTo(renewed.certificate().getSerialNumber());
    }

    private BigInteger servedSerial(Listener listener) throws Exception {
        HttpResponse<String> response = post(serverCa.trustingClient(), listener.baseUri());
        return ((X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0]).getSerialNumber();
    }

    private TlsSettings tls(Path certificate, Optional<Path> key, List<Path> clientCas, Duration reload) {
        return new TlsSettings(certificate, key, "", clientCas, CONCUR, reload);
    }

    private Listener listen(TlsSettings tls) {
        Listener listener = edge.listen(new ListenerSettings("webhook", "127.0.0.1", 0, LIMITS, Optional.of(tls)));
        listener.router().post("/hello").handler(c -> {
            handled.incrementAndGet();
            c.response().end("hello");
        });
        return listener;
    }

    /** A POST on a new connection (a new client each time, so every call makes its own handshake). */
    private static HttpResponse<String> post(SSLContext tls, URI base) throws IOException, InterruptedException {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30));
        if (tls != null) {
            client.sslContext(tls);
        }
        return client.build().send(HttpRequest.newBuilder(base.resolve("/hello")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("hi")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
