package io.mlconnector.concur.api;

import io.mlconnector.concur.internal.ApiClient;
import io.mlconnector.concur.internal.AppTokenManager;
import io.mlconnector.concur.internal.ConcurHttp;
import io.mlconnector.concur.internal.OAuthClient;
import io.mlconnector.concur.internal.RefreshingTokenManager;
import io.mlconnector.concur.internal.TokenProvider;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * One live connection to one Concur company: the company token holder (plus the app token for ESS and an optional
 * user token for Expense v4), the HTTP client and the base URL (geolocation). Create it with
 * {@link ConcurConnectionProvider#connect()}; operations classes take it in their constructor. Thread-safe.
 */
public final class ConcurConnection implements AutoCloseable {
    private final ConcurConfiguration config;
    private final ConcurHttp http;
    private final OAuthClient oauth;
    private final ApiClient api;
    private final RefreshingTokenManager companyTokens;
    private final RefreshingTokenManager userTokens;
    private final AppTokenManager appTokens;

    ConcurConnection(ConcurConfiguration config) {
        this.config = config;
        this.http = new ConcurHttp(config);
        this.oauth = new OAuthClient(config, http);
        this.api = new ApiClient(http);
        this.companyTokens = new RefreshingTokenManager(config.companyTokenKey(), config, oauth,
                config.requestToken() == null ? null
                        : () -> oauth.companyGrant(config.authBaseUri(), config.requestToken()));
        this.userTokens = config.userName() == null ? null
                : new RefreshingTokenManager("user:" + config.userName(), config, oauth,
                () -> oauth.userGrant(config.authBaseUri(), config.userName(), config.userPassword()));
        this.appTokens = new AppTokenManager(oauth, this::appTokenBase, config.clock());
    }

    public ConcurConfiguration configuration() {
        return config;
    }

    /** The company's geolocation (base URL of every API call), obtaining a token first if none is stored. */
    public URI geolocation() {
        return companyTokens.baseUri();
    }

    /**
     * Connects the company with a new request token (password grant, credtype=authtoken, against the auth base),
     * replacing any stored token state. This is the remedy for REAUTHORIZATION_REQUIRED.
     *
     * @throws ConcurException AUTHENTICATION_FAILED (Concur code and description), CONNECTIVITY
     */
    public void authorizeCompany(String requestToken) {
        if (requestToken == null || requestToken.isBlank()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "request token is required");
        }
        companyTokens.authorize(() -> oauth.companyGrant(config.authBaseUri(), requestToken));
    }

    /**
     * Runs a refresh grant now and stores the rotated refresh token (the daily keep-alive
     * https://developer.concur.com/api-reference/authentication/oauth2-migration-best-practices.html recommends).
     *
     * @throws ConcurException REAUTHORIZATION_REQUIRED (code 108), AUTHENTICATION_FAILED, CONNECTIVITY
     */
    public void refreshCompanyToken() {
        companyTokens.refreshNow();
    }

    /** The stored company token state (refresh-token expiry, geolocation), if any. */
    public Optional<TokenState> companyTokenState() {
        return companyTokens.state();
    }

    /** When the cached company access token expires, if one is cached. */
    public Optional<Instant> companyAccessTokenExpiresAt() {
        return companyTokens.accessTokenExpiresAt();
    }

    ApiClient api() {
        return api;
    }

    TokenProvider companyTokens() {
        return companyTokens;
    }

    TokenProvider appTokens() {
        return appTokens;
    }

    /** The user token when a user is configured, else the company token (Expense v4 accepts both). */
    TokenProvider expenseTokens() {
        return userTokens != null ? userTokens : companyTokens;
    }

    private URI appTokenBase() {
        if (config.appTokenBaseUri() != null) {
            return config.appTokenBaseUri();
        }
        return companyTokens.state().map(TokenState::geolocation).orElse(config.authBaseUri());
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ConcurConnection[companyId=" + config.companyId() + "]";
    }
}
