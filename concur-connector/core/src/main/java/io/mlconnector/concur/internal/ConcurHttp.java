package io.mlconnector.concur.internal;

import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * java.net.http with Concur's transport rules: every call sends (and logs) a {@code concur-correlationid}
 * (https://developer.concur.com/api-reference/ess/v4.event-subscription.html: reuse the event's), waits its turn at the
 * configuration's {@link io.mlconnector.concur.api.CallPacer} (a 429 slows it for every caller), 429 and 503 are
 * retried with backoff honouring {@code Retry-After}
 * (https://developer.concur.com/api-reference/http-status-codes.html), connect and read timeouts come from the
 * configuration. Bodies are never logged (token calls carry secrets).
 */
public final class ConcurHttp implements AutoCloseable {
    public static final String CORRELATION_HEADER = "concur-correlationid";
    private static final Logger LOG = LoggerFactory.getLogger(ConcurHttp.class);

    private final ConcurConfiguration config;
    private final HttpClient client;

    public ConcurHttp(ConcurConfiguration config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** One HTTP call. {@code retryIo} allows re-sending after an I/O error (safe for reads only). */
    public record Call(String method, URI uri, Map<String, String> headers, byte[] body, String correlationId,
                       boolean retryIo) {

        public static Call get(URI uri, String correlationId) {
            return new Call("GET", uri, new LinkedHashMap<>(), null, correlationId, true);
        }

        public static Call send(String method, URI uri, String contentType, byte[] body, String correlationId) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return new Call(method, uri, headers, body, correlationId, false);
        }

        public Call header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Call(method, uri, copy, body, correlationId, retryIo);
        }
    }

    /** The answer: status, headers and body; {@code correlationId} is Concur's (or the one sent). */
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] body, String correlationId) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Sends the call, retrying 429/503 (and I/O errors when the call allows it) up to maxAttempts. */
    public Response execute(Call call) {
        String correlationId = call.correlationId() == null ? UUID.randomUUID().toString() : call.correlationId();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> raw;
            try {
                config.callPacer().awaitTurn();
                raw = client.send(request(call, correlationId), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                ConcurException failure = transportFailure(call, correlationId, e);
                if (attempt >= config.maxAttempts() || !(call.retryIo() || e instanceof ConnectException
                        || e instanceof HttpConnectTimeoutException)) {
                    throw failure;
                }
                Duration wait = backoff(attempt);
                LOG.warn("Concur {} {} failed ({}), attempt {}/{}, retrying in {} ms concur-correlationid={}",
                        call.method(), logTarget(call.uri()), e.getClass().getSimpleName(), attempt,
                        config.maxAttempts(), wait.toMillis(), correlationId);
                sleep(wait, correlationId);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConcurException(ConcurErrorType.CONNECTIVITY, "interrupted while calling Concur", null, 0,
                        correlationId, null, e);
            }
            String answeredId = raw.headers().firstValue(CORRELATION_HEADER).orElse(correlationId);
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Concur {} {} -> {} in {} ms concur-correlationid={}", call.method(), logTarget(call.uri()),
                    raw.statusCode(), millis, answeredId);
            if (raw.statusCode() == 429 || raw.statusCode() == 503) {
                Optional<Duration> retryAfter = retryAfter(raw.headers());
                Duration wait = retryAfter.orElse(backoff(attempt));
                if (raw.statusCode() == 429) {
                    config.callPacer().throttled(wait); // every caller waits, not only this one
                }
                ConcurErrorType type = raw.statusCode() == 429 ? ConcurErrorType.THROTTLED
                        : ConcurErrorType.SERVICE_UNAVAILABLE;
                if (attempt >= config.maxAttempts() || wait.compareTo(config.maxRetryAfter()) > 0) {
                    throw new ConcurException(type, "Concur answered " + raw.statusCode() + " to " + call.method() + " "
                            + logTarget(call.uri()) + " after " + attempt + " attempt(s)", null, raw.statusCode(),
                            answeredId, retryAfter.orElse(null), null);
                }
                LOG.warn("Concur {} {} answered {}, attempt {}/{}, retrying in {} ms concur-correlationid={}",
                        call.method(), logTarget(call.uri()), raw.statusCode(), attempt, config.maxAttempts(),
                        wait.toMillis(), answeredId);
                sleep(wait, answeredId);
                continue;
            }
            return new Response(raw.statusCode(), raw.headers(), raw.body(), answeredId);
        }
    }

    private HttpRequest request(Call call, String correlationId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(config.readTimeout())
                .header(CORRELATION_HEADER, correlationId);
        if (!call.headers().containsKey("Accept")) {
            b.header("Accept", "application/json");
        }
        call.headers().forEach(b::header);
        HttpRequest.BodyPublisher publisher = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        return b.method(call.method(), publisher).build();
    }

    private ConcurException transportFailure(Call call, String correlationId, IOException e) {
        boolean timeout = e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException);
        ConcurErrorType type = timeout ? ConcurErrorType.TIMEOUT : ConcurErrorType.CONNECTIVITY;
        return new ConcurException(type, "Concur " + call.method() + " " + logTarget(call.uri()) + " failed: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null, 0,
                correlationId, null, e);
    }

    Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration d = config.initialBackoff().multipliedBy(factor);
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    /** Retry-After as delta-seconds or an HTTP-date. */
    static Optional<Duration> retryAfter(java.net.http.HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException ignored) {
                return Optional.empty();
            }
        }
    }

    private static void sleep(Duration wait, String correlationId) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurException(ConcurErrorType.CONNECTIVITY, "interrupted while waiting to retry", null, 0,
                    correlationId, null, e);
        }
    }

    /**
     * Path and query only: credentials are never in URLs
     * (https://developer.concur.com/api-guides/tmc/tmc-overview.html), hosts are logged once per geolocation.
     */
    static String logTarget(URI uri) {
        return uri.getHost() + ":" + uri.getPort() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Override
    public void close() {
        // java.net.http.HttpClient gained close() only in Java 21; on 17 its threads end when it is unreachable
    }
}
