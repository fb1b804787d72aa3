package io.mlconnector.concur.internal;

import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.TokenState;
import io.mlconnector.concur.api.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Company or user token holder (https://developer.concur.com/api-reference/authentication/apidoc.html): caches the
 * access token in memory, refreshes it proactively before expiry against the stored geolocation, persists every rotated
 * refresh token, its epoch expiry and the geolocation, and warns well before the refresh token expires. Without stored
 * state it runs the initial grant (company request token or user password); without either it raises
 * REAUTHORIZATION_REQUIRED.
 */
public final class RefreshingTokenManager implements TokenProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshingTokenManager.class);

    private final String key;
    private final ConcurConfiguration config;
    private final OAuthClient oauth;
    private final TokenStore store;
    private final Supplier<OAuthClient.Grant> initialGrant;
    private Cached cached;
    private URI baseUri;
    /** The last access token Concur refused (401): never taken back from the store. */
    private String rejectedAccessToken;

    /**
     * @param initialGrant the grant that runs when the store holds no state for the key; null when none is possible
     */
    public RefreshingTokenManager(String key, ConcurConfiguration config, OAuthClient oauth,
                                  Supplier<OAuthClient.Grant> initialGrant) {
        this.key = key;
        this.config = config;
        this.oauth = oauth;
        this.store = config.tokenStore();
        this.initialGrant = initialGrant;
    }

    private record Cached(String accessToken, Instant refreshAt, Instant expiresAt) {
    }

    @Override
    public synchronized String accessToken() {
        Instant now = config.clock().instant();
        if (cached != null && now.isBefore(cached.refreshAt())) {
            return cached.accessToken();
        }
        Optional<Cached> stored = storedAccessToken(now);
        if (stored.isPresent()) {
            cached = stored.get();
            return cached.accessToken();
        }
        return obtain().accessToken();
    }

    /** The access token the store holds (ours before a restart, or another instance's), while it is still fresh. */
    private Optional<Cached> storedAccessToken(Instant now) {
        Optional<TokenState> state = store.load(key);
        if (state.isEmpty() || state.get().accessToken() == null || state.get().accessExpiresAt() == null
                || state.get().accessToken().equals(rejectedAccessToken)) {
            return Optional.empty();
        }
        Instant expiresAt = state.get().accessExpiresAt();
        Instant refreshAt = expiresAt.minus(config.accessTokenRefreshMargin());
        if (!now.isBefore(refreshAt)) {
            return Optional.empty();
        }
        baseUri = state.get().geolocation();
        return Optional.of(new Cached(state.get().accessToken(), refreshAt, expiresAt));
    }

    @Override
    public synchronized URI baseUri() {
        if (baseUri == null) {
            Optional<TokenState> state = store.load(key);
            if (state.isPresent()) {
                baseUri = state.get().geolocation();
            } else {
                accessToken();
            }
        }
        return baseUri;
    }

    @Override
    public synchronized void invalidate(String accessToken) {
        rejectedAccessToken = accessToken;
        if (cached != null && cached.accessToken().equals(accessToken)) {
            cached = null;
        }
    }

    /**
     * Runs a refresh grant now (e.g. from the daily keep-alive job
     * https://developer.concur.com/api-reference/authentication/oauth2-migration-best-practices.html recommends) and
     * persists the answer.
     */
    public synchronized void refreshNow() {
        cached = null;
        obtain();
    }

    /** Replaces any stored state with a fresh initial grant (a new company request token after code 108). */
    public synchronized void authorize(Supplier<OAuthClient.Grant> grant) {
        cached = null;
        store(grant.get(), Optional.empty());
    }

    /** The stored state (refresh-token expiry, geolocation), if any. */
    public Optional<TokenState> state() {
        return store.load(key);
    }

    /** When the cached access token expires, if one is cached. */
    public synchronized Optional<Instant> accessTokenExpiresAt() {
        return Optional.ofNullable(cached).map(Cached::expiresAt);
    }

    private Cached obtain() {
        Optional<TokenState> state = store.load(key);
        OAuthClient.Grant grant;
        if (state.isPresent()) {
            try {
                grant = oauth.refreshGrant(state.get().geolocation(), state.get().refreshToken());
            } catch (ConcurException e) {
                Optional<TokenState> newer = rotatedMeanwhile(e, state.get());
                if (newer.isEmpty()) {
                    throw e;
                }
                state = newer;
                grant = oauth.refreshGrant(state.get().geolocation(), state.get().refreshToken());
            }
        } else if (initialGrant != null) {
            grant = initialGrant.get();
        } else {
            throw new ConcurException(ConcurErrorType.REAUTHORIZATION_REQUIRED, "no stored token state for " + key
                    + " and no request token configured: generate a company request token and authorise");
        }
        return store(grant, state);
    }

    /**
     * Refresh tokens rotate on every refresh ("overwrite the saved tokens"), so when several app instances share one
     * token store, another instance may have rotated ours between our read and our refresh: Concur then answers 108 for
     * the one we sent. The newer one is in the store.
     */
    private Optional<TokenState> rotatedMeanwhile(ConcurException refused, TokenState sent) {
        if (refused.type() != ConcurErrorType.REAUTHORIZATION_REQUIRED) {
            return Optional.empty();
        }
        Optional<TokenState> latest = store.load(key);
        if (latest.isPresent() && !latest.get().refreshToken().equals(sent.refreshToken())) {
            LOG.info("Concur refresh token for {} was rotated by another instance; using the stored one", key);
            return latest;
        }
        return Optional.empty();
    }

    private Cached store(OAuthClient.Grant grant, Optional<TokenState> previous) {
        TokenResponse token = grant.token();
        Instant now = config.clock().instant();
        URI geolocation = grant.geolocation();
        String refreshToken = token.refreshToken() != null ? token.refreshToken()
                : previous.map(TokenState::refreshToken).orElse(null);
        Instant refreshExpiresAt = token.refreshExpiresAt() != null ? token.refreshExpiresAt()
                : previous.map(TokenState::refreshExpiresAt).orElse(null);
        Duration lifetime = token.expiresIn();
        if (refreshToken != null) {
            store.save(new TokenState(key, refreshToken, refreshExpiresAt, geolocation, now, token.accessToken(),
                    now.plus(lifetime)));
        }
        if (previous.isPresent() && !previous.get().geolocation().equals(geolocation)) {
            LOG.info("Concur geolocation for {} changed from {} to {}", key, previous.get().geolocation(), geolocation);
        }
        warnIfRefreshTokenExpiresSoon(refreshExpiresAt, now);
        baseUri = geolocation;
        Duration margin = config.accessTokenRefreshMargin();
        Duration half = lifetime.dividedBy(2);
        if (margin.compareTo(half) > 0) {
            margin = half;
        }
        cached = new Cached(token.accessToken(), now.plus(lifetime).minus(margin), now.plus(lifetime));
        return cached;
    }

    private void warnIfRefreshTokenExpiresSoon(Instant refreshExpiresAt, Instant now) {
        if (refreshExpiresAt != null && refreshExpiresAt.isBefore(now.plus(config.refreshTokenWarningPeriod()))) {
            LOG.warn("Concur refresh token for {} expires at {} (in {} days): keep refreshing it or generate a new"
                    + " company request token before then", key, refreshExpiresAt,
                    Duration.between(now, refreshExpiresAt).toDays());
        }
    }

    @Override
    public String toString() {
        return "RefreshingTokenManager[" + key + "]";
    }
}
