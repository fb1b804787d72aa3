package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.http.HttpEdge;
import io.mlconnector.app.http.Listener;
import io.mlconnector.infor.api.ImsInboundSettings;
import io.mlconnector.infor.api.ImsInboundSource;
import io.mlconnector.infor.api.InboundMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IMS endpoint on its port of the HTTP edge, configured from the app's {@code ims.*} and {@code http.*} keys: a
 * request the edge's limits refuse is cut there and never reaches the source.
 */
class ImsEndpointEdgeTest {
    private static final String PATH = "/ims/service";

    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private final List<ImsInboundSource.Answer> refused = new CopyOnWriteArrayList<>();
    private HttpEdge edge;
    private Listener ims;

    @BeforeEach
    void start() {
        AppConfig config = AppConfig.load(null, Map.of("ML_IMS_HOST", "127.0.0.1", "ML_IMS_PORT", "0",
                "ML_HTTP_REQUEST_TIMEOUT", "1s", "ML_IMS_CONSUMER_KEY", "ion-consumer",
                "ML_IMS_CONSUMER_SECRET", "s3cret"));
        edge = HttpEdge.create(2);
        ims = edge.prepare(config.settings().imsListener());
        ImsInboundSource source = new ImsInboundSource(ImsInboundSettings.of("127.0.0.1", 0, PATH, "ion-consumer",
                "s3cret", ""));
        ImsEndpoint.serveOn(ims, source, received::add, (answer, body, headers) -> refused.add(answer));
        ims.start();
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void aMessageLargerThanIonsLimitIsRefused413ByTheEdge() throws IOException {
        long oversize = ImsInboundSettings.DEFAULT_MAX_BODY_BYTES + 1L;

        String answer = send("POST " + PATH + "/v3/multipartMessage HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + oversize + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(received).isEmpty();
        assertThat(refused).as("the source never saw it").isEmpty();
    }

    @Test
    void aMessageWhoseBodyStopsArrivingIsCutAtTheRequestTimeout() throws IOException {
        String answer = send("POST " + PATH + "/v3/multipartMessage HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000\r\n\r\n--b\r\n");

        assertThat(answer).startsWith("HTTP/1.1 408");
        assertThat(received).isEmpty();
        assertThat(refused).isEmpty();
    }

    /** Sends {@code head} and reads until the server closes the connection (the read timeout is only a safety net). */
    private String send(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", ims.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
