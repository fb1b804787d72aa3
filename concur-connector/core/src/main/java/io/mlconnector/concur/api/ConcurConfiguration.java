package io.mlconnector.concur.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one Concur connection (one company). Build with {@link #builder()}; every optional setting says its
 * default. {@link #toString()} never shows a secret.
 */
public final class ConcurConfiguration {
    /**
     * Default auth base: partners must request tokens from GLZ
     * (https://developer.concur.com/api-reference/authentication/apidoc.html).
     */
    public static final URI DEFAULT_AUTH_BASE_URI = URI.create("https://glz.api.concursolutions.com");

    private final String clientId;
    private final String clientSecret;
    private final String companyId;
    private final String requestToken;
    private final URI authBaseUri;
    private final URI appTokenBaseUri;
    private final String userName;
    private final String userPassword;
    private final String systemId;
    private final TokenStore tokenStore;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration accessTokenRefreshMargin;
    private final Duration refreshTokenWarningPeriod;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final int fisPageSize;
    private final Clock clock;
    private final int callsPerMinute;
    private final CallPacer callPacer;
    private final CallPacer suppliedCallPacer;

    private ConcurConfiguration(Builder b) {
        this.clientId = require(b.clientId, "clientId");
        this.clientSecret = require(b.clientSecret, "clientSecret");
        this.companyId = b.companyId;
        this.requestToken = blankToNull(b.requestToken);
        this.authBaseUri = Objects.requireNonNull(b.authBaseUri, "authBaseUri");
        this.appTokenBaseUri = b.appTokenBaseUri;
        this.userName = blankToNull(b.userName);
        this.userPassword = blankToNull(b.userPassword);
        this.systemId = b.systemId == null ? "" : b.systemId;
        this.tokenStore = Objects.requireNonNull(b.tokenStore, "tokenStore");
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.readTimeout = positive(b.readTimeout, "readTimeout");
        this.accessTokenRefreshMargin = Objects.requireNonNull(b.accessTokenRefreshMargin);
        this.refreshTokenWarningPeriod = Objects.requireNonNull(b.refreshTokenWarningPeriod);
        if (b.maxAttempts < 1) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "maxAttempts must be at least 1");
        }
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = Objects.requireNonNull(b.initialBackoff);
        this.maxBackoff = Objects.requireNonNull(b.maxBackoff);
        this.maxRetryAfter = Objects.requireNonNull(b.maxRetryAfter);
        if (b.fisPageSize < 1) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "fisPageSize must be at least 1");
        }
        this.fisPageSize = b.fisPageSize;
        this.clock = Objects.requireNonNull(b.clock);
        if (b.callsPerMinute < 0) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "callsPerMinute must not be negative");
        }
        this.callsPerMinute = b.callsPerMinute;
        this.suppliedCallPacer = b.callPacer;
        this.callPacer = b.callPacer != null ? b.callPacer : CallPacer.perMinute(b.callsPerMinute);
        if (systemId.length() > 50) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "systemId is longer than 50 characters");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        return new Builder().clientId(clientId).clientSecret(clientSecret).companyId(companyId)
                .requestToken(requestToken).authBaseUri(authBaseUri).appTokenBaseUri(appTokenBaseUri)
                .userName(userName).userPassword(userPassword).systemId(systemId).tokenStore(tokenStore)
                .connectTimeout(connectTimeout).readTimeout(readTimeout)
                .accessTokenRefreshMargin(accessTokenRefreshMargin)
                .refreshTokenWarningPeriod(refreshTokenWarningPeriod).maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff).maxBackoff(maxBackoff).maxRetryAfter(maxRetryAfter)
                .fisPageSize(fisPageSize).clock(clock).callsPerMinute(callsPerMinute).callPacer(suppliedCallPacer);
    }

    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    public String companyId() { return companyId; }
    public String requestToken() { return requestToken; }
    public URI authBaseUri() { return authBaseUri; }
    public URI appTokenBaseUri() { return appTokenBaseUri; }
    public String userName() { return userName; }
    public String userPassword() { return userPassword; }
    public String systemId() { return systemId; }
    public TokenStore tokenStore() { return tokenStore; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    public Duration accessTokenRefreshMargin() { return accessTokenRefreshMargin; }
    public Duration refreshTokenWarningPeriod() { return refreshTokenWarningPeriod; }
    public int maxAttempts() { return maxAttempts; }
    public Duration initialBackoff() { return initialBackoff; }
    public Duration maxBackoff() { return maxBackoff; }
    public Duration maxRetryAfter() { return maxRetryAfter; }
    public int fisPageSize() { return fisPageSize; }
    public Clock clock() { return clock; }
    public int callsPerMinute() { return callsPerMinute; }
    /** Paces every call of connections built from this configuration (shared by all of them). */
    public CallPacer callPacer() { return callPacer; }

    /** The token-store key of the company token. */
    public String companyTokenKey() {
        return "company:" + companyId;
    }

    @Override
    public String toString() {
        return "ConcurConfiguration[clientId=" + clientId + ", clientSecret=****, companyId=" + companyId
                + ", requestToken=" + (requestToken == null ? "none" : "****") + ", authBaseUri=" + authBaseUri
                + ", appTokenBaseUri=" + appTokenBaseUri + ", userName=" + userName
                + ", userPassword=" + (userPassword == null ? "none" : "****") + ", systemId=" + systemId
                + ", tokenStore=" + tokenStore + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxAttempts=" + maxAttempts + "]";
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, name + " is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, name + " must be positive");
        }
        return d;
    }

    /** Builds a {@link ConcurConfiguration}. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String companyId;
        private String requestToken;
        private URI authBaseUri = DEFAULT_AUTH_BASE_URI;
        private URI appTokenBaseUri;
        private String userName;
        private String userPassword;
        private String systemId = "";
        private TokenStore tokenStore = new InMemoryTokenStore();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration accessTokenRefreshMargin = Duration.ofMinutes(5);
        private Duration refreshTokenWarningPeriod = Duration.ofDays(30);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofMinutes(5);
        private int fisPageSize = 25;
        private Clock clock = Clock.systemUTC();
        private int callsPerMinute = CallPacer.DEFAULT_CALLS_PER_MINUTE;
        private CallPacer callPacer;

        /** App client id (UUID from App Management). Required. */
        public Builder clientId(String v) { this.clientId = v; return this; }
        /** App client secret. Required. Secret. */
        public Builder clientSecret(String v) { this.clientSecret = v; return this; }
        /** Company UUID (the {@code id} of the Connect redirect). Required for company tokens (FIS, ping). */
        public Builder companyId(String v) { this.companyId = v; return this; }
        /** Company request token (24 h). Used only when the token store holds no state for the company. Secret. */
        public Builder requestToken(String v) { this.requestToken = v; return this; }
        /** Where first tokens are requested. Default {@code https://glz.api.concursolutions.com}. */
        public Builder authBaseUri(URI v) { this.authBaseUri = v; return this; }
        /** Where the client_credentials (app) token for ESS is requested. Default: the company geolocation when
         *  known, else {@link #authBaseUri}. */
        public Builder appTokenBaseUri(URI v) { this.appTokenBaseUri = v; return this; }
        /** Optional user login for the user password grant (Expense v4 read path). Default: none, the company token
         *  is used. */
        public Builder userName(String v) { this.userName = v; return this; }
        /** The user's password. Secret. */
        public Builder userPassword(String v) { this.userPassword = v; return this; }
        /** FIS {@code systemId} sent on GET filters, acknowledgements and confirmations (max 50). Default "". */
        public Builder systemId(String v) { this.systemId = v; return this; }
        /** Where refresh tokens and geolocations are kept. Default {@link InMemoryTokenStore}. */
        public Builder tokenStore(TokenStore v) { this.tokenStore = v; return this; }
        /** TCP connect timeout. Default 10 s. */
        public Builder connectTimeout(Duration v) { this.connectTimeout = v; return this; }
        /**
         * Per-request answer timeout. Default 60 s (Concur answers within 60 s,
         * https://developer.concur.com/api-reference/http-status-codes.html).
         */
        public Builder readTimeout(Duration v) { this.readTimeout = v; return this; }
        /** Refresh the access token this long before it expires. Default 5 min (capped at half its lifetime). */
        public Builder accessTokenRefreshMargin(Duration v) { this.accessTokenRefreshMargin = v; return this; }
        /** Warn (log WARN) when the refresh token expires within this period. Default 30 days. */
        public Builder refreshTokenWarningPeriod(Duration v) { this.refreshTokenWarningPeriod = v; return this; }
        /** Attempts per call on 429/503 (and I/O errors of reads), including the first. Default 4. */
        public Builder maxAttempts(int v) { this.maxAttempts = v; return this; }
        /** First backoff when no Retry-After is given; doubles per attempt. Default 1 s. */
        public Builder initialBackoff(Duration v) { this.initialBackoff = v; return this; }
        /** Longest backoff without Retry-After. Default 30 s. */
        public Builder maxBackoff(Duration v) { this.maxBackoff = v; return this; }
        /** A Retry-After longer than this is not waited for in-line: THROTTLED is raised with the wait. Default 5 min. */
        public Builder maxRetryAfter(Duration v) { this.maxRetryAfter = v; return this; }
        /** FIS GET {@code limit} when none is given. Default 25 (the documented default). */
        public Builder fisPageSize(int v) { this.fisPageSize = v; return this; }
        /** Clock for token expiry (tests). Default system UTC. */
        public Builder clock(Clock v) { this.clock = v; return this; }
        /** Calls per minute to Concur (token calls included); 0 = no pacing. Default 10,000
         *  ({@link CallPacer#DEFAULT_CALLS_PER_MINUTE}). */
        public Builder callsPerMinute(int v) { this.callsPerMinute = v; return this; }
        /** The pacer of every call instead of one of this configuration's own at {@link #callsPerMinute(int)}: a host
         *  running several instances supplies one whose state they share. Default: this process's own. */
        public Builder callPacer(CallPacer v) { this.callPacer = v; return this; }

        public ConcurConfiguration build() {
            return new ConcurConfiguration(this);
        }
    }
}
