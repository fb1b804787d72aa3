package io.mlconnector.concur.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The app token (client_credentials, 60 minutes, no refresh token) used only for the ESS management API
 * (https://developer.concur.com/event-topics/index.html). Cached in memory and re-obtained shortly before expiry or
 * after a 401.
 */
public final class AppTokenManager implements TokenProvider {
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private final OAuthClient oauth;
    private final Supplier<URI> base;
    private final Clock clock;
    private String accessToken;
    private Instant refreshAt;
    private URI geolocation;

    public AppTokenManager(OAuthClient oauth, Supplier<URI> base, Clock clock) {
        this.oauth = oauth;
        this.base = base;
        this.clock = clock;
    }

    @Override
    public synchronized String accessToken() {
        if (accessToken == null || !clock.instant().isBefore(refreshAt)) {
            OAuthClient.Grant grant = oauth.appGrant(base.get());
            Duration lifetime = grant.token().expiresIn();
            Duration margin = MARGIN.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : MARGIN;
            accessToken = grant.token().accessToken();
            refreshAt = clock.instant().plus(lifetime).minus(margin);
            geolocation = grant.geolocation();
        }
        return accessToken;
    }

    @Override
    public synchronized URI baseUri() {
        if (geolocation == null) {
            accessToken();
        }
        return geolocation;
    }

    @Override
    public synchronized void invalidate(String token) {
        if (token.equals(accessToken)) {
            accessToken = null;
        }
    }

    @Override
    public String toString() {
        return "AppTokenManager";
    }
}
