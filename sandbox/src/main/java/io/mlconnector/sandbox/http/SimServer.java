package io.mlconnector.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on the loopback interface that the simulators register their endpoints on.
 * Every request is recorded, and a {@link Faults} plan can answer it with a failure before it reaches its handler.
 */
public final class SimServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
    public static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Without this property the JDK server leaves Nagle's algorithm on and writes a response's head and body
     * separately (https://docs.oracle.com/en/java/javase/21/docs/api/jdk.httpserver/module-summary.html, read by
     * Java 17 too): the body then waits for the client's delayed ACK of the head, some 40 ms per call. Concur and ION
     * answer without that stall, so the simulators must too, or every connector call in a test or the bench waits on
     * the sandbox. Read once, when the JVM's first JDK server starts; a value given on the command line is kept.
     */
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<SimRequest> requests = new CopyOnWriteArrayList<>();
    private final Faults faults = new Faults();
    private final List<Gate> gates = new CopyOnWriteArrayList<>();

    private SimServer(String name, HttpServer server, ExecutorService executor) {
        this.name = name;
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1; port 0 picks a free one. */
    public static SimServer start(String name, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, name + "-http");
                t.setDaemon(true);
                return t;
            });
            SimServer sim = new SimServer(name, server, executor);
            server.createContext("/", sim::dispatch);
            server.setExecutor(executor);
            server.start();
            return sim;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " on port " + port, e);
        }
    }

    /** Registers a handler for a method and a path regular expression (groups reach the handler). */
    public SimServer route(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    /** Adds a gate every request passes after the fault plan and before its handler (e.g. a rate limit). */
    public SimServer gate(Gate gate) {
        gates.add(gate);
        return this;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Faults faults() {
        return faults;
    }

    /** Every request received, in arrival order, including those answered by a fault. */
    public List<SimRequest> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            SimRequest request = SimRequest.read(exchange);
            requests.add(request);
            Optional<Fault> fault = faults.take(request);
            if (fault.isPresent() && fault.get().apply(exchange)) {
                return;
            }
            for (Gate gate : gates) {
                Optional<SimResponse> refused = gate.admit(request);
                if (refused.isPresent()) {
                    write(exchange, refused.get());
                    return;
                }
            }
            write(exchange, handle(request));
        } catch (RuntimeException e) {
            LOG.warn("{}: handler failed for {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
            write(exchange, SimResponse.json(500, java.util.Map.of("error", "sandbox handler failed: " + e)));
        }
    }

    private SimResponse handle(SimRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern.matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method.equalsIgnoreCase(request.method())) {
                continue;
            }
            try {
                return route.handler.handle(request.withMatch(m));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return pathKnown
                ? SimResponse.json(405, java.util.Map.of("error", "method not allowed"))
                : SimResponse.json(404, java.util.Map.of("error", "not found: " + request.path()));
    }

    static void write(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        SimResponse handle(SimRequest request) throws Exception;
    }

    /** Lets a request through to its handler (empty) or answers it instead. */
    @FunctionalInterface
    public interface Gate {
        Optional<SimResponse> admit(SimRequest request);
    }

    private record Route(String method, Pattern pattern, Handler handler) {
    }
}
