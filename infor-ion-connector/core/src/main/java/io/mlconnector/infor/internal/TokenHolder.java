package io.mlconnector.infor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.infor.api.GrantType;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.InforIonSettings;
import io.mlconnector.infor.api.IonApiCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the one access token of a connection. Concurrent callers share it; at most one grant is in flight (the
 * service-account login quota is 20/min and 1,000/day on Essentials,
 * https://docs.infor.com/inforos/12.0.x/en-us/usagelimits-igs/uup1651243668177.html). The token is renewed before
 * {@code expires_in} runs out, with the refresh-token grant when one was issued
 * (https://github.com/infor-cloud/ion-api-sdk/blob/master/JavaWebClientOAuth2/README.md), else a new login.
 */
public final class TokenHolder {
    private static final Logger LOG = LoggerFactory.getLogger(TokenHolder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final IonApiCredentials credentials;
    private final InforIonSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final Object grantLock = new Object();
    private final AtomicInteger grants = new AtomicInteger();
    private volatile Token current;
    private volatile boolean closed;
    /** A refused login is remembered for a while so that waiting callers do not spend the login quota on it. */
    private volatile InforIonException lastRefusal;
    private volatile Instant refusedUntil = Instant.MIN;

    public TokenHolder(HttpClient http, IonApiCredentials credentials, InforIonSettings settings, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    }

    /**
     * A valid access token, from the cache when it is not due for renewal.
     *
     * @throws InforIonException UNAUTHORIZED (credentials refused), CONNECTIVITY, THROTTLED
     */
    public String accessToken() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.renewAt)) {
            return token.accessToken;
        }
        synchronized (grantLock) {
            token = current;
            if (token != null && clock.instant().isBefore(token.renewAt)) {
                return token.accessToken;
            }
            if (lastRefusal != null && clock.instant().isBefore(refusedUntil)) {
                throw new InforIonException(lastRefusal.type(), lastRefusal.detail() + " (not tried again before "
                        + refusedUntil + ")", lastRefusal.vendorCode());
            }
            try {
                current = renew(token);
            } catch (InforIonException e) {
                if (e.type() == InforIonErrorType.UNAUTHORIZED || e.type() == InforIonErrorType.THROTTLED) {
                    lastRefusal = e;
                    refusedUntil = clock.instant().plus(settings.loginFailureCooldown());
                }
                throw e;
            }
            lastRefusal = null;
            return current.accessToken;
        }
    }

    /**
     * The gateway refused this token (401): the next {@link #accessToken()} renews it, unless another caller has
     * already replaced it, so many callers holding the same stale token cause one grant.
     */
    public void rejected(String accessToken) {
        synchronized (grantLock) {
            Token token = current;
            if (token != null && token.accessToken.equals(accessToken)) {
                current = token.expired();
            }
        }
    }

    /** Successful grants this holder performed (logins and refreshes). */
    public int grantCount() {
        return grants.get();
    }

    /**
     * Revokes the refresh token (which revokes its access token too, as the SDK's JavaWebClientOAuth2 README says), or
     * else the access token.
     */
    public void revoke() {
        Token token;
        synchronized (grantLock) {
            token = current;
            current = null;
            closed = true;
        }
        if (token == null || credentials.revokeUri() == null) {
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.refreshToken != null ? token.refreshToken : token.accessToken);
        form.put("token_type_hint", token.refreshToken != null ? "refresh_token" : "access_token");
        HttpRequest request = HttpRequest.newBuilder(credentials.revokeUri()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warn("token revocation answered HTTP {}", status);
            }
        } catch (IOException e) {
            LOG.warn("token revocation failed: {}", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Token renew(Token previous) {
        if (closed) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION, "the connection is closed");
        }
        if (previous != null && previous.refreshToken != null) {
            try {
                return grant("refresh_token", refreshForm(previous.refreshToken));
            } catch (InforIonException e) {
                if (e.type() != InforIonErrorType.REAUTHORIZATION_REQUIRED) {
                    throw e;
                }
                LOG.info("refresh token refused ({}); logging in again", e.vendorCode());
            }
        }
        return grant(settings.grantType() == GrantType.PASSWORD ? "password" : "client_credentials", loginForm());
    }

    private Map<String, String> loginForm() {
        Map<String, String> form = new LinkedHashMap<>();
        if (settings.grantType() == GrantType.PASSWORD) {
            credentials.requireServiceAccount();
            form.put("grant_type", "password");
            form.put("username", credentials.serviceAccountAccessKey());
            form.put("password", credentials.serviceAccountSecretKey());
        } else {
            form.put("grant_type", "client_credentials");
        }
        // ion-api-sdk README names client_id/client_secret as form parameters of the password grant
        // (https://github.com/infor-cloud/ion-api-sdk/blob/master/README.md)
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret());
        if (settings.scope() != null) {
            form.put("scope", settings.scope());
        }
        return form;
    }

    /** Client authentication as in the password grant, which the authorization server accepts. */
    private Map<String, String> refreshForm(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret());
        return form;
    }

    private Token grant(String grantType, Map<String, String> form) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(credentials.tokenUri()).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form(form)));
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < settings.maxAttempts()) {
                    Backoff.sleep(backoff.delay(attempt, null));
                    continue;
                }
                throw new InforIonException(InforIonErrorType.CONNECTIVITY, "cannot reach the authorization server "
                        + credentials.tokenUri() + ": " + e.getClass().getSimpleName(), null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InforIonException(InforIonErrorType.CONNECTIVITY, "interrupted while requesting a token");
            }
            int status = response.statusCode();
            if (status == 200) {
                grants.incrementAndGet();
                LOG.debug("{} grant succeeded", grantType);
                return parse(response.body());
            }
            boolean transientFailure = status == 429 || status >= 500;
            Optional<Duration> retryAfter = Backoff.retryAfter(response.headers(), clock.instant());
            boolean waitAllowed = retryAfter.isEmpty() || retryAfter.get().compareTo(settings.maxRetryAfter()) <= 0;
            if (transientFailure && waitAllowed && attempt < settings.maxAttempts()) {
                Backoff.sleep(backoff.delay(attempt, retryAfter.orElse(null)));
                continue;
            }
            throw refused(grantType, status, response.body());
        }
    }

    private InforIonException refused(String grantType, int status, String body) {
        String error = oauthError(body);
        if (status == 429) {
            return new InforIonException(InforIonErrorType.THROTTLED, "the authorization server refused the "
                    + grantType + " grant with 429 (login quota exceeded)", "429");
        }
        if (status >= 500) {
            return new InforIonException(InforIonErrorType.CONNECTIVITY, "the authorization server answered HTTP "
                    + status + " to the " + grantType + " grant", Integer.toString(status));
        }
        if ("refresh_token".equals(grantType)) {
            return new InforIonException(InforIonErrorType.REAUTHORIZATION_REQUIRED, "the refresh token was refused",
                    error);
        }
        String hint = settings.grantType() == GrantType.PASSWORD
                ? "check ci/cs and the service account keys saak/sask of the .ionapi file"
                : "check ci/cs of the .ionapi file and that the authorized app allows the client credentials grant";
        return new InforIonException(InforIonErrorType.UNAUTHORIZED, "the authorization server refused the "
                + grantType + " grant (HTTP " + status + ", " + error + "): " + hint, error);
    }

    /** Only the OAuth {@code error} code is kept; descriptions are free text we do not control. */
    private static String oauthError(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.hasNonNull("error") ? json.get("error").asText() : "no error code";
        } catch (IOException e) {
            return "no error code";
        }
    }

    private Token parse(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new InforIonException(InforIonErrorType.CONNECTIVITY, "the token response is not JSON");
        }
        if (json == null || !json.hasNonNull("access_token")) {
            throw new InforIonException(InforIonErrorType.CONNECTIVITY, "the token response has no access_token");
        }
        Duration lifetime = expiresIn(json.get("expires_in"));
        // renew a margin ahead, but never more than a fifth of a short lifetime ahead
        Duration margin = settings.tokenRefreshMargin();
        Duration fifth = lifetime.dividedBy(5);
        Duration ahead = margin.compareTo(fifth) < 0 ? margin : fifth;
        Instant now = clock.instant();
        String refresh = json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null;
        return new Token(json.get("access_token").asText(), refresh, now.plus(lifetime).minus(ahead));
    }

    /**
     * expires_in arrives as number or string (Infor publishes no verbatim token response, so parse leniently); Infor's
     * default is 2 hours.
     */
    private Duration expiresIn(JsonNode node) {
        if (node != null && !node.isNull()) {
            String text = node.asText().trim();
            try {
                long seconds = (long) Double.parseDouble(text);
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                LOG.debug("unreadable expires_in; assuming the default lifetime");
            }
        }
        return settings.defaultTokenLifetime();
    }

    /**
     * Infor's documented form: base64 of ci:cs as the .ionapi file has them, not form-urlencoded
     * (https://github.com/infor-cloud/ion-api-sdk/blob/master/JavaWebClientOAuth2/README.md).
     */
    private String basic() {
        String pair = credentials.clientId() + ":" + credentials.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> values) {
        StringJoiner joiner = new StringJoiner("&");
        values.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    /** Token values stay private to this class and are never printed. */
    private static final class Token {
        final String accessToken;
        final String refreshToken;
        final Instant renewAt;

        Token(String accessToken, String refreshToken, Instant renewAt) {
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
            this.renewAt = renewAt;
        }

        Token expired() {
            return new Token(accessToken, refreshToken, Instant.MIN);
        }

        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }
}
