package io.mlconnector.app.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps slow or idle clients from holding a listener. Every connection always has one deadline: from accept until a
 * request head arrives ({@code requestTimeout}); from the head until the body is complete ({@code requestTimeout},
 * then 408 and close); from a response until the next head on a keep-alive connection ({@code idleTimeout}). A
 * client trickling bytes defeats a plain idle timeout; it cannot move these deadlines. While the routes handle a
 * complete request no deadline runs: the application decides how long its work takes.
 *
 * <p>All calls for one connection run on that connection's event loop, so a deadline is never armed and cancelled at
 * once.
 */
final class ConnectionGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final Vertx vertx;
    private final String listener;
    private final HttpLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<HttpConnection, Long> deadlines = new ConcurrentHashMap<>();

    ConnectionGuard(Vertx vertx, String listener, HttpLimits limits) {
        this.vertx = vertx;
        this.listener = listener;
        this.limits = limits;
    }

    void onConnection(HttpConnection connection) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            LOG.warn("{}: {} connections open, closing a new one from {}", listener, limits.maxConnections(),
                    connection.remoteAddress());
            connection.close();
            return;
        }
        connection.closeHandler(closed -> {
            open.decrementAndGet();
            cancel(connection);
        });
        arm(connection, limits.requestTimeout().toMillis(), () -> {
            LOG.info("{}: no request head from {} within {}, closing", listener, connection.remoteAddress(),
                    limits.requestTimeout());
            connection.close();
        });
    }

    /** The first handler of every request: the body must now arrive within the request timeout. */
    void onRequestHead(RoutingContext context) {
        HttpConnection connection = context.request().connection();
        arm(connection, limits.requestTimeout().toMillis(), () -> bodyTooSlow(context));
        context.addEndHandler(done -> arm(connection, limits.idleTimeout().toMillis(), connection::close));
        context.next();
    }

    /** Runs after the body handler: the request is complete, the routes take over. */
    void onBodyComplete(RoutingContext context) {
        cancel(context.request().connection());
        context.next();
    }

    private void bodyTooSlow(RoutingContext context) {
        HttpConnection connection = context.request().connection();
        LOG.warn("{}: request body from {} not complete within {}, answering 408 and closing", listener,
                connection.remoteAddress(), limits.requestTimeout());
        if (context.response().ended() || context.response().headWritten()) {
            connection.close();
            return;
        }
        JsonErrors.closing(context, 408, "request not received within " + limits.requestTimeout().toMillis() + " ms");
    }

    private void arm(HttpConnection connection, long millis, Runnable onExpiry) {
        cancel(connection);
        long timer = vertx.setTimer(millis, id -> {
            if (deadlines.remove(connection, id)) {
                onExpiry.run();
            }
        });
        deadlines.put(connection, timer);
    }

    private void cancel(HttpConnection connection) {
        Long timer = deadlines.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
