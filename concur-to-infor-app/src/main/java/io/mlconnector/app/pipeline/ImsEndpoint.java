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
    private static final String CONTENT_TYPE = "Content-Type";
    /** Where the request's own Content-Type waits while the edge's body handler reads the body. */
    private static final String SENT_CONTENT_TYPE = "ims.sent-content-type";

    private ImsEndpoint() {
    }

    /** Serves {@code source} on every path of {@code listener} (the source answers 404 outside its base path). */
    public static void serveOn(Listener listener, ImsInboundSource source, ImsInboundSource.MessageListener messages,
                               ImsInboundSource.RejectedListener rejected) {
        String scheme = listener.baseUri().getScheme();
        // Vert.x Web's body handler decodes a multipart/form-data body into form attributes and keeps no raw body
        // (https://vertx.io/docs/vertx-web/java/#_handling_form_attributes), but the source parses ION's parts itself:
        // so, before the edge's handlers (order -1), the header is set aside and the body is read as plain bytes,
        // still under the edge's deadline and size limit.
        listener.router().route().order(-1).handler(ImsEndpoint::readBodyAsBytes);
        listener.router().route().blockingHandler(ctx -> answer(ctx, scheme, source, messages, rejected), false);
    }

    private static void readBodyAsBytes(RoutingContext ctx) {
        String sent = ctx.request().getHeader(CONTENT_TYPE);
        if (sent != null) {
            ctx.put(SENT_CONTENT_TYPE, sent);
            ctx.request().headers().set(CONTENT_TYPE, "application/octet-stream");
        }
        ctx.next();
    }

    private static void answer(RoutingContext ctx, String scheme, ImsInboundSource source,
                               ImsInboundSource.MessageListener messages, ImsInboundSource.RejectedListener rejected) {
        HttpServerRequest request = ctx.request();
        URI addressed = source.addressed(scheme, request.getHeader("Host"),
                request.localAddress().host() + ":" + request.localAddress().port(), request.uri());
        Buffer body = ctx.body().buffer();
        ImsInboundSource.Reply reply = source.serve(new ImsInboundSource.Request(request.method().name(), addressed,
                headers(ctx), body == null ? new byte[0] : body.getBytes()), messages, rejected);
        HttpServerResponse response = ctx.response().setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(reply.body()));
    }

    private static Map<String, List<String>> headers(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : request.headers().names()) {
            headers.put(name, request.headers().getAll(name));
        }
        String sent = ctx.get(SENT_CONTENT_TYPE);
        if (sent != null) {
            headers.keySet().removeIf(CONTENT_TYPE::equalsIgnoreCase);
            headers.put(CONTENT_TYPE, List.of(sent));
        }
        return headers;
    }
}
