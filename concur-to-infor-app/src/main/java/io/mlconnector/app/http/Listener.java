package io.mlconnector.app.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One port of the {@link HttpEdge}: a Vert.x HTTP server whose router first applies the {@link ConnectionGuard}
 * deadlines and reads the body under the size limit, then hands the complete request to the routes added later.
 *
 * <p>Two ways to serve on it:
 * <ul>
 *   <li>a Camel route: after {@link #bindTo}, {@code from("<name>-http:/some/path")} is a
 *       {@code platform-http} endpoint on this port (e.g. {@code admin-http:/console}); the {@code concur:webhook}
 *       consumer takes the component name as its {@code platformHttpComponent} option;</li>
 *   <li>plain Vert.x Web: {@code listener.router().get("/path").blockingHandler(ctx -> …, false)}, as the admin API
 *       does, for endpoints that must answer whatever state the Camel routes are in.</li>
 * </ul>
 * Each request reaching a route has its whole body in memory ({@code ctx.body()}); answer errors with
 * {@link JsonErrors#send}.
 */
public final class Listener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);
    private static final long START_SECONDS = 30;
    /** One server per event loop Vert.x starts by default (twice the cores). */
    private static final int EVENT_LOOPS = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
    /** Negative ports already handed out, so each listener on port 0 shares its random port only among its own servers. */
    private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();

    private final ListenerSettings settings;
    private final Vertx vertx;
    private final Router router;
    private final Handler<RoutingContext> bodyHandler;
    private final ConnectionGuard guard;
    private final HttpServerOptions options;
    private final TlsFiles tlsFiles;
    /** One server per event loop, all on this listener's port (see {@link #start()}). */
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private String deploymentId;
    private final AtomicBoolean reloading = new AtomicBoolean();
    private boolean started;
    private Long reloadTimer;

    private Listener(ListenerSettings settings, Vertx vertx, Router router, Handler<RoutingContext> bodyHandler,
                     ConnectionGuard guard, HttpServerOptions options, TlsFiles tlsFiles) {
        this.settings = settings;
        this.vertx = vertx;
        this.router = router;
        this.bodyHandler = bodyHandler;
        this.guard = guard;
        this.options = options;
        this.tlsFiles = tlsFiles;
    }

    /** A listener with its router and server made, not yet bound: add routes, then {@link #start()}. */
    static Listener prepare(Vertx vertx, ListenerSettings settings) {
        Router router = Router.router(vertx);
        ConnectionGuard guard = new ConnectionGuard(vertx, settings.name(), settings.limits());
        Handler<RoutingContext> body = BodyHandler.create(false).setBodyLimit(settings.limits().maxBodyBytes());
        router.route().handler(guard::onRequestHead);
        router.route().handler(body);
        router.route().handler(guard::onBodyComplete);
        JsonErrors.install(router, settings.name());

        Optional<TlsFiles> tls = settings.tls().map(t -> new TlsFiles(t, vertx));
        HttpServerOptions options = options(settings);
        tls.ifPresent(files -> {
            options.setSsl(true).setKeyCertOptions(KeyCertOptions.wrap(files.keyManager()));
            if (files.clientCheck() != null) {
                options.setClientAuth(ClientAuth.REQUIRED).setTrustOptions(TrustOptions.wrap(files.clientCheck()));
            }
        });
        return new Listener(settings, vertx, router, body, guard, options, tls.orElse(null));
    }

    /**
     * Binds the port and starts serving (and watching the TLS files); fails when the address is taken.
     *
     * <p>A Vert.x server runs on the one event loop it was started from, so a single server would do every
     * connection's reading, parsing, routing and writing on one thread, however many connections and cores there are
     * (the bench's intake stayed flat at any connection count). Each event loop gets its own server instead, as
     * Vert.x scales a server (https://vertx.io/docs/vertx-core/java/#_server_sharing): they share the port and
     * Vert.x hands each new connection to the next. Port 0 becomes a negative port, Vert.x's way of letting the
     * servers share one random port (a listener's own number, so two listeners never share one).
     */
    public synchronized Listener start() {
        if (started) {
            return this;
        }
        int port = settings.port() == 0 ? -SHARED_RANDOM_PORTS.incrementAndGet() : settings.port();
        deploymentId = await(vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> listening) {
                HttpServer server = vertx.createHttpServer(options).connectionHandler(guard::onConnection)
                        .requestHandler(router);
                servers.add(server);
                server.listen(port, settings.host()).<Void>mapEmpty().onComplete(listening);
            }
        }, new DeploymentOptions().setInstances(EVENT_LOOPS)), "bind " + settings.name() + " to " + settings.host()
                + ":" + settings.port());
        started = true;
        if (tlsFiles != null) {
            watch(tlsFiles);
        }
        LOG.info("{} listening on {}://{}:{}{}", settings.name(), settings.scheme(), settings.host(), port(),
                settings.tls().map(t -> t.mutual() ? " (mutual TLS, client subject " + t.clientSubject() + ")" : " (TLS)")
                        .orElse(""));
        return this;
    }

    private static HttpServerOptions options(ListenerSettings settings) {
        HttpLimits limits = settings.limits();
        return new HttpServerOptions()
                // Nagle plus the client's delayed ACK holds a small answer for ~40 ms
                .setTcpNoDelay(true)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toMillis()))
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setSslHandshakeTimeout(limits.requestTimeout().toMillis())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxFormAttributeSize((int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes()))
                // no h2c upgrade and no gzip: every request is plain HTTP/1.1 that the limits above describe
                .setHttp2ClearTextEnabled(false)
                .setDecompressionSupported(false)
                .setCompressionSupported(false);
    }

    /** Re-reads the TLS files on the reload interval; changed files serve new connections from then on. */
    private void watch(TlsFiles files) {
        long every = settings.tls().orElseThrow().reloadInterval().toMillis();
        reloadTimer = vertx.setPeriodic(every, id -> {
            if (!reloading.compareAndSet(false, true)) {
                return;
            }
            vertx.executeBlocking(files::reloadIfChanged, false)
                    .onSuccess(changed -> {
                        if (changed) {
                            LOG.info("{}: TLS key, certificate or client CAs changed on disk, reloaded", settings.name());
                        }
                    })
                    .onFailure(e -> LOG.error("{}: cannot use the changed TLS files, keeping the previous ones: {}",
                            settings.name(), e.getMessage()))
                    .onComplete(done -> reloading.set(false));
        });
    }

    public String name() {
        return settings.name();
    }

    /** The bound port (the real one when configured with 0). */
    public int port() {
        return servers.isEmpty() ? 0 : servers.get(0).actualPort();
    }

    /** Where a client on this machine reaches the listener ({@code 0.0.0.0} is reached as {@code 127.0.0.1}). */
    public URI baseUri() {
        String host = "0.0.0.0".equals(settings.host()) ? "127.0.0.1" : settings.host();
        return URI.create(settings.scheme() + "://" + host + ":" + port());
    }

    /** The Vert.x Web router: add routes for plain Vert.x handlers here. */
    public Router router() {
        return router;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The name of this listener's Camel component after {@link #bindTo}: {@code <name>-http}. */
    public String componentName() {
        return settings.name() + "-http";
    }

    /**
     * Makes this port a {@code platform-http} component named {@link #componentName()}, by binding it (and its
     * router) into a Camel registry: {@code camelContext.getRegistry()::bind}, or {@code main::bind} before Camel
     * Main starts. Camel's
     * Vert.x platform-http engine serves one server per context; this gives each listener its own router and
     * component instead, so routes choose their port by component name.
     */
    public void bindTo(BiConsumer<String, Object> camelRegistry) {
        String routerName = VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME + "-" + settings.name();
        camelRegistry.accept(routerName, new VertxPlatformHttpRouter(null, vertx, router, routerName) {
            @Override
            public Handler<RoutingContext> bodyHandler() {
                return bodyHandler;
            }
        });
        PlatformHttpComponent component = new PlatformHttpComponent();
        component.setEngine(new ListenerEngine(routerName, this));
        // Camel resolves a component by name from the registry first
        camelRegistry.accept(componentName(), component);
    }

    /** Stops accepting and closes the open connections (a request in progress is cut; its sender retries). */
    @Override
    public synchronized void close() {
        if (reloadTimer != null) {
            vertx.cancelTimer(reloadTimer);
            reloadTimer = null;
        }
        if (started) {
            started = false;
            // undeploying closes the servers the deployment started
            await(vertx.undeploy(deploymentId), "close " + settings.name());
            servers.clear();
        }
    }

    static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot " + what + " within " + START_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
