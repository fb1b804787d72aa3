package io.mlconnector.app.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The app's HTTP edge: one Vert.x instance serving every port the app opens (the Concur webhook, the admin API, and
 * any later inbound endpoint or console), each a {@link Listener} with its own address, TLS and {@link HttpLimits}.
 * Idle and slow connections cost an event-loop entry, not a thread, and are cut at their deadline; requests are
 * handled on a bounded worker pool.
 *
 * <p>To add a port: {@code edge.listen(new ListenerSettings("ion-ims", host, port, limits, tls))}, then either
 * {@code listener.bindTo(main::bind)} and {@code from("ion-ims-http:/path")} in a route, or Vert.x handlers on
 * {@code listener.router()}.
 */
public final class HttpEdge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEdge.class);

    private final Vertx vertx;
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

    private HttpEdge(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A Vert.x instance whose worker pool ({@code workerThreads}) runs the routes' blocking work. */
    public static HttpEdge create(int workerThreads) {
        return new HttpEdge(Vertx.vertx(new VertxOptions().setWorkerPoolSize(workerThreads)));
    }

    /** Binds a new port now; fails when the address is taken or a TLS file cannot be read. */
    public Listener listen(ListenerSettings settings) {
        return prepare(settings).start();
    }

    /**
     * A new listener whose routes can be added before it binds ({@link Listener#start()}), so that no request is
     * answered before the routes are there (a webhook that answered 404 while starting would lose Concur's event).
     * Fails when a TLS file cannot be read.
     */
    public Listener prepare(ListenerSettings settings) {
        if (listeners.containsKey(settings.name())) {
            throw new IllegalArgumentException("a listener named " + settings.name() + " already exists");
        }
        Listener listener = Listener.prepare(vertx, settings);
        listeners.put(settings.name(), listener);
        return listener;
    }

    public Optional<Listener> listener(String name) {
        return Optional.ofNullable(listeners.get(name));
    }

    /** Makes every listener a platform-http component in a Camel registry (see {@link Listener#bindTo}). */
    public void bindTo(BiConsumer<String, Object> camelRegistry) {
        listeners.values().forEach(l -> l.bindTo(camelRegistry));
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Listener listener : listeners.values()) {
            try {
                listener.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        listeners.clear();
        try {
            Listener.await(vertx.close(), "stop Vert.x");
        } catch (RuntimeException e) {
            failures.add(e);
        }
        failures.forEach(e -> LOG.warn("closing the HTTP edge: {}", e.getMessage()));
    }
}
