package io.mlconnector.infor.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * A loopback HTTP server for the tests only: hands each call to {@link ImsInboundSource#serve} and sends its reply,
 * so the source is tested over real HTTP without the app's edge (which the core must not depend on).
 */
final class JdkImsServer implements AutoCloseable {
    private final HttpServer server;
    private final String path;

    private JdkImsServer(HttpServer server, String path) {
        this.server = server;
        this.path = path;
    }

    static JdkImsServer serve(ImsInboundSource source, String path, ImsInboundSource.MessageListener listener,
                              ImsInboundSource.RejectedListener rejected) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/", exchange -> answer(exchange, source, listener, rejected));
            server.start();
            return new JdkImsServer(server, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, ImsInboundSource source, ImsInboundSource.MessageListener listener,
                               ImsInboundSource.RejectedListener rejected) throws IOException {
        try (exchange) {
            URI target = exchange.getRequestURI();
            URI addressed = source.addressed("http", exchange.getRequestHeaders().getFirst("Host"),
                    "127.0.0.1:" + exchange.getLocalAddress().getPort(),
                    target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
            ImsInboundSource.Reply reply = source.serve(new ImsInboundSource.Request(exchange.getRequestMethod(),
                    addressed, Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()),
                    listener, rejected);
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /** The IMS base URL ION would be configured with. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
