package io.mlconnector.infor.internal;

import io.mlconnector.infor.api.CallPacer;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.InforIonSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Sends requests through the ION API Gateway with the connection's bearer token. Every attempt first waits its turn
 * at the {@link CallPacer}, so the tenant's quota is kept rather than discovered. A 401 renews the token once and
 * repeats the request; a 429 tells the pacer (every caller then waits out the Retry-After, not just this one) and is
 * retried per {@link Retry}; other transient failures are retried with {@link Backoff}. Every other answer is returned
 * for the operation to interpret.
 */
public final class GatewayClient {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayClient.class);

    /** Which failures a request may be repeated after. */
    public enum Retry {
        /** 429, 5xx and I/O errors (timeouts, resets): the request can be repeated safely or is wanted to be. */
        TRANSIENT,
        /** Only 429 (the gateway refused before the backend saw it): for calls that create records. */
        THROTTLED_ONLY,
        /** Never: the caller wants the first answer (e.g. ping, where 503 means the data flow is inactive). */
        NONE
    }

    private final HttpClient http;
    private final TokenHolder tokens;
    private final InforIonSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final CallPacer pacer;

    public GatewayClient(HttpClient http, TokenHolder tokens, InforIonSettings settings, Clock clock, CallPacer pacer) {
        this.http = http;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.pacer = pacer;
    }

    /**
     * Sends the request built by {@code request} (the Authorization header is added here).
     *
     * @param what a short name for messages, e.g. {@code IMS multipartMessage}
     * @throws InforIonException THROTTLED (429 after every attempt, or a Retry-After beyond the allowed wait),
     *                           CONNECTIVITY (I/O error or 5xx after every attempt), UNAUTHORIZED (token refused)
     */
    public HttpResponse<byte[]> send(String what, URI uri, UnaryOperator<HttpRequest.Builder> request, Retry retry) {
        boolean renewedAfter401 = false;
        for (int attempt = 1; ; attempt++) {
            String token = tokens.accessToken();
            HttpRequest built = request.apply(HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()))
                    .header("Authorization", "Bearer " + token).build();
            HttpResponse<byte[]> response;
            try {
                pacer.awaitTurn();
                response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (retry == Retry.TRANSIENT && attempt < settings.maxAttempts()) {
                    LOG.info("{}: {} on attempt {}; retrying", what, e.getClass().getSimpleName(), attempt);
                    Backoff.sleep(backoff.delay(attempt, null));
                    continue;
                }
                throw new InforIonException(InforIonErrorType.CONNECTIVITY, what + " failed after " + attempt
                        + " attempt(s): " + e.getClass().getSimpleName(), null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InforIonException(InforIonErrorType.CONNECTIVITY, what + " was interrupted");
            }
            int status = response.statusCode();
            LOG.debug("{}: HTTP {} (attempt {})", what, status, attempt);
            if (status == 401 && !renewedAfter401) {
                renewedAfter401 = true;
                tokens.rejected(token);
                attempt--;
                continue;
            }
            Optional<Duration> retryAfter = Backoff.retryAfter(response.headers(), clock.instant());
            Duration delay = backoff.delay(attempt, retryAfter.orElse(null));
            if (status == 429) {
                pacer.throttled(delay);
            }
            if (!retryable(status, retry)) {
                return response;
            }
            if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
                throw new InforIonException(InforIonErrorType.THROTTLED, what + ": the gateway asks to wait "
                        + retryAfter.get().toSeconds() + " s, longer than maxRetryAfter", Integer.toString(status));
            }
            if (attempt >= settings.maxAttempts()) {
                throw exhausted(what, status, attempt);
            }
            LOG.info("{}: HTTP {} on attempt {}; retrying in {} ms", what, status, attempt, delay.toMillis());
            Backoff.sleep(delay);
        }
    }

    private static boolean retryable(int status, Retry retry) {
        return switch (retry) {
            case TRANSIENT -> status == 429 || status >= 500;
            case THROTTLED_ONLY -> status == 429;
            case NONE -> false;
        };
    }

    private static InforIonException exhausted(String what, int status, int attempts) {
        InforIonErrorType type = status == 429 ? InforIonErrorType.THROTTLED : InforIonErrorType.CONNECTIVITY;
        return new InforIonException(type, what + " answered HTTP " + status + " on all " + attempts + " attempts",
                Integer.toString(status));
    }
}
