package io.mlconnector.app.pipeline;

import io.mlconnector.app.http.TestPki;
import io.mlconnector.app.http.TlsSettings;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.concur.api.ConcurWebhookSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook's port under the abuse the internet brings, against the running app on loopback: silent sockets,
 * a body that trickles in, a body larger than allowed. The database is not what is tested here, so H2 only.
 */
class WebhookEdgeEndToEndTest {
    private static final int SILENT_SOCKETS = 200;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path tempDir;
    private PipelineHarness harness;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void twoHundredSilentSocketsDoNotKeepGenuineDeliveriesFromBeingAnsweredWithinASecond() throws Exception {
        // given the app (request timeout 5 s), warmed by one genuine delivery, and 200 sockets that sent half a
        // request head and went silent
        start(app -> app.config("http.request-timeout", "5s"));
        String businessId = harness.concur.fis().businessId(harness.concur.fis().seedPublishedSamples().get(0));
        assertThat(deliver(businessId, Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
        for (int i = 0; i < SILENT_SOCKETS; i++) {
            Socket socket = connect();
            socket.getOutputStream().write(("POST " + webhook().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Le").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        // when Concur delivers ten signed events meanwhile, each given one second to be answered
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(deliver(businessId, Duration.ofSeconds(1)).statusCode());
        }

        // then every delivery was answered 200 in time, the silent sockets were still open while it happened,
        // and the app closes them at the request timeout
        assertThat(answers).containsOnly(200);
        assertThat(sockets).allSatisfy(socket -> assertThat(isOpen(socket)).isTrue());
        assertThat(sockets).allSatisfy(socket -> assertThat(closedByPeerWithin(socket, Duration.ofSeconds(30))).isTrue());
    }

    @Test
    void aBodyThatTricklesInIsCutAtTheRequestTimeout() throws Exception {
        // given the app with a one-second request timeout
        start(app -> app.config("http.request-timeout", "1s"));
        Socket socket = connect();

        // when a client announces 1000 bytes, sends 10 and waits
        long sentAt = System.nanoTime();
        socket.getOutputStream().write(("POST " + webhook().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":\"ev").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String answer = readAnswer(socket);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);

        // then it is answered 408 with a JSON body after the timeout, the connection is closed, nothing was stored
        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"status\":408");
        assertThat(waitedMillis).isGreaterThanOrEqualTo(900);
        assertThat(closedByPeerWithin(socket, Duration.ofSeconds(10))).isTrue();
        assertThat(harness.store().quarantine().count()).isZero();
        assertThat(harness.store().inbox().countByState().values()).containsOnly(0L);
    }

    @Test
    void anOversizeBodyIsRefusedWhileItIsReadNotAfter() throws Exception {
        // given the app taking webhook bodies up to 64 KiB
        start(app -> app.config("webhook.max-body-bytes", "65536"));
        Socket socket = connect();
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + webhook().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        // when a client streams chunks of 16 KiB, up to 64 MiB, without a length up front
        long limit = 64L * 1024 * 1024;
        CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> streamChunks(out, 16 * 1024, limit));
        String answer = readAnswer(socket);

        // then it is answered 413 and cut off long before the client is done; nothing was stored
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"status\":413");
        assertThat(sent.get(60, TimeUnit.SECONDS)).isLessThan(limit);
        assertThat(harness.store().quarantine().count()).isZero();
        assertThat(harness.store().inbox().countByState().values()).containsOnly(0L);
    }

    @Test
    void threeConfigurationLinesPutTheWebhookBehindMutualTlsForConcursCertificate() throws Exception {
        // given certificates: the webhook's own, and client certificates from Concur's CA and from another CA
        TestPki serverCa = TestPki.ca("test server CA");
        TestPki concurCa = TestPki.ca("test stand-in for Concur's CA");
        Path[] server = serverCa.issue("127.0.0.1").writePem(tempDir, "webhook");
        Path clientCas = concurCa.writeCaPem(tempDir.resolve("concur-ca.pem"));
        // and the app started with the three lines the README gives
        start(app -> app.config("webhook.tls.certificate", server[0].toString())
                .config("webhook.tls.private-key", server[1].toString())
                .config("webhook.tls.client-cas", clientCas.toString()));
        String businessId = harness.concur.fis().businessId(harness.concur.fis().seedPublishedSamples().get(0));
        byte[] body = event(businessId).getBytes(StandardCharsets.UTF_8);

        // when Concur delivers with its client certificate, and an impostor with a look-alike from another CA
        HttpClient concur = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(concurCa.issue(TlsSettings.CONCUR_WEBHOOK_SUBJECT).clientContext(serverCa.certificate()))
                .build();
        HttpClient impostor = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestPki.ca("other CA").issue(TlsSettings.CONCUR_WEBHOOK_SUBJECT)
                        .clientContext(serverCa.certificate())).build();
        HttpRequest delivery = HttpRequest.newBuilder(webhook()).timeout(Duration.ofSeconds(30))
                .header(ConcurWebhookSource.SIGNATURE_HEADER, sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        // then the webhook is HTTPS, Concur's delivery is accepted, the impostor fails in the handshake
        assertThat(webhook().getScheme()).isEqualTo("https");
        assertThat(concur.send(delivery, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> impostor.send(delivery, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(harness.store().inbox().countByState().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(1);
    }

    private void start(UnaryOperator<PipelineHarness.Builder> setup) {
        harness = setup.apply(PipelineHarness.on(Dialect.H2, tempDir)).start();
    }

    private URI webhook() {
        return harness.app.webhookUri();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(webhook().getHost(), webhook().getPort());
        sockets.add(socket);
        return socket;
    }

    /** A genuine delivery: a fresh ESS event for the document, signed with Concur's key, given {@code time}. */
    private HttpResponse<String> deliver(String businessId, Duration time) throws IOException, InterruptedException,
            GeneralSecurityException {
        byte[] body = event(businessId).getBytes(StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(webhook()).timeout(time)
                .header("Content-Type", "application/json")
                .header(ConcurWebhookSource.SIGNATURE_HEADER, sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sign(byte[] body) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(harness.concur.signatureAlgorithm());
        signer.initSign(harness.concur.webhookSigningKeys().getPrivate());
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    /** A readyForIntegration envelope shaped like ESS's, with a new event id each time. */
    private String event(String businessId) {
        return """
                {"id":"%s","correlationId":"c-1",
                 "topic":"public.concur.financialintegration","subtopic":"p0085104gigw",
                 "eventType":"expense.readyForIntegration","timestamp":"2026-11-28T09:00:00.000+0000",
                 "companyId":"%s","data":null,
                 "facts":{"companyId":"%s","documentId":"%s","entityId":"p0085104gigw"}}"""
                .formatted(UUID.randomUUID(), harness.concur.companyId(), harness.concur.companyId(), businessId);
    }

    private static long streamChunks(OutputStream out, int chunkBytes, long upTo) {
        byte[] chunk = new byte[chunkBytes];
        java.util.Arrays.fill(chunk, (byte) 'x');
        byte[] head = (Integer.toHexString(chunkBytes) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n".getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            while (sent < upTo) {
                out.write(head);
                out.write(chunk);
                out.write(tail);
                sent += chunkBytes;
            }
            out.flush();
        } catch (IOException cutOff) {
            return sent;
        }
        return sent;
    }

    /** Reads what the server sends until it pauses or closes (status line, headers, small body). */
    private static String readAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        while (n > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            if (answer.indexOf("}") >= 0) {
                break;
            }
            n = in.read(buffer);
        }
        return answer.toString();
    }

    private static boolean isOpen(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() != -1;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static boolean closedByPeerWithin(Socket socket, Duration limit) {
        try {
            socket.setSoTimeout((int) limit.toMillis());
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // discard whatever the server sends before it closes
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
