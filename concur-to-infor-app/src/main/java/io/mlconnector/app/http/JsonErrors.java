package io.mlconnector.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a listener answers itself is a small JSON object {@code {"status": …, "error": "…"}} with the right
 * status, never an HTML page and never an empty reply; a failure inside a handler becomes 500 with the exception's
 * type only (its message may carry data).
 */
public final class JsonErrors {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrors() {
    }

    static void install(Router router, String listener) {
        router.errorHandler(400, c -> send(c, 400, "bad request"));
        router.errorHandler(404, c -> send(c, 404, "no such endpoint: " + c.request().path()));
        router.errorHandler(405, c -> send(c, 405, "method " + c.request().method() + " not allowed here"));
        router.errorHandler(413, c -> {
            LOG.warn("{}: body from {} larger than allowed, answering 413 and closing", listener,
                    c.request().remoteAddress());
            closing(c, 413, "request body too large");
        });
        router.errorHandler(500, c -> {
            LOG.warn("{}: {} {} failed", listener, c.request().method(), c.request().path(), c.failure());
            send(c, 500, "internal error" + (c.failure() == null ? "" : ": " + c.failure().getClass().getSimpleName()));
        });
    }

    /** Answers {@code status} with a JSON error body. */
    public static void send(RoutingContext context, int status, String message) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body(status, message));
    }

    /** Answers {@code status} and closes the connection: the rest of the request is not read. */
    static void closing(RoutingContext context, int status, String message) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            context.request().connection().close();
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body(status, message)).onComplete(done -> context.request().connection().close());
    }

    static String body(int status, String message) {
        return JSON.createObjectNode().put("status", status).put("error", message).toString();
    }
}
