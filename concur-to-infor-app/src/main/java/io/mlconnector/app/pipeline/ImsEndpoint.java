package io.mlconnector.app.pipeline;

import io.mlconnector.app.http.Listener;
import io.mlconnector.infor.api.ImsInboundSource;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbound IMS endpoint served on its own port of the HTTP edge: the {@link Listener} has already applied the
 * edge's deadlines, connection limit and body limit when a call gets here; this only translates the complete request
 * to the framework-free {@link ImsInboundSource} and its reply back. The listener's message is stored before the
 * answer is sent, on the edge's worker pool.
 */
public final class ImsEndpoint {
    private ImsEndpoint() {
    }

    /** Serves {@code source} on every path of {@code listener} (the source answers 404 outside its base path). */
    public static void serveOn(Listener listener, ImsInboundSource source, ImsInboundSource.MessageListener messages,
                               ImsInboundSource.RejectedListener rejected) {
        String scheme = listener.baseUri().getScheme();
        listener.router().route().blockingHandler(ctx -> answer(ctx, scheme, source, messages, rejected), false);
    }

    private static void answer(RoutingContext ctx, String scheme, ImsInboundSource source,
                               ImsInboundSource.MessageListener messages, ImsInboundSource.RejectedListener rejected) {
        HttpServerRequest request = ctx.request();
        URI addressed = source.addressed(scheme, request.getHeader("Host"),
                request.localAddress().host() + ":" + request.localAddress().port(), request.uri());
        Buffer body = ctx.body().buffer();
        ImsInboundSource.Reply reply = source.serve(new ImsInboundSource.Request(request.method().name(), addressed,
                headers(request), body == null ? new byte[0] : body.getBytes()), messages, rejected);
        HttpServerResponse response = ctx.response().setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(reply.body()));
    }

    private static Map<String, List<String>> headers(HttpServerRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : request.headers().names()) {
            headers.put(name, request.headers().getAll(name));
        }
        return headers;
    }
}
