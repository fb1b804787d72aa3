package io.mlconnector.sandbox.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One failure a simulator injects into the next matching requests: an HTTP status (with an optional Retry-After),
 * a delay before the normal answer, or a dropped connection.
 */
public final class Fault {
    private final Pattern path;
    private final int status;
    private final Duration retryAfter;
    private final Duration delay;
    private final boolean dropConnection;

    private Fault(Pattern path, int status, Duration retryAfter, Duration delay, boolean dropConnection) {
        this.path = path;
        this.status = status;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.dropConnection = dropConnection;
    }

    /** Answers with this status and a small JSON error body. */
    public static Fault status(int status) {
        return new Fault(Pattern.compile(".*"), status, null, Duration.ZERO, false);
    }

    /** 429 Too Many Requests with a Retry-After header in seconds. */
    public static Fault throttled(Duration retryAfter) {
        return new Fault(Pattern.compile(".*"), 429, retryAfter, Duration.ZERO, false);
    }

    /** Waits this long, then lets the request through to its handler (a slow response). */
    public static Fault slow(Duration delay) {
        return new Fault(Pattern.compile(".*"), 0, null, delay, false);
    }

    /** Closes the connection without an answer (the client sees a reset or an early end of stream). */
    public static Fault connectionReset() {
        return new Fault(Pattern.compile(".*"), 0, null, Duration.ZERO, true);
    }

    /** Limits the fault to requests whose path matches this regular expression. */
    public Fault onPath(String pathRegex) {
        return new Fault(Pattern.compile(pathRegex), status, retryAfter, delay, dropConnection);
    }

    public Fault withRetryAfter(Duration retryAfter) {
        return new Fault(path, status, retryAfter, delay, dropConnection);
    }

    boolean matches(SimRequest request) {
        return path.matcher(request.path()).matches();
    }

    /** Applies the fault; true when the exchange was answered (or dropped) and the handler must not run. */
    boolean apply(HttpExchange exchange) throws IOException {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dropConnection) {
            exchange.getResponseBody().close();
            exchange.close();
            return true;
        }
        if (status == 0) {
            return false;
        }
        SimResponse response = SimResponse.json(status, Map.of("error", "injected fault", "status", status));
        if (retryAfter != null) {
            response = response.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        SimServer.write(exchange, response);
        return true;
    }

    @Override
    public String toString() {
        return "Fault[path=" + path + ", status=" + status + ", retryAfter=" + retryAfter + ", delay=" + delay
                + ", drop=" + dropConnection + "]";
    }
}
