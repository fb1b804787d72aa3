package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.CallPacer;
import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.TokenStore;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The company connection settings of {@code concur:} endpoints. The component holds one (set it with
 * {@code camel.component.concur.client-id=…} and so on); each endpoint gets a copy, and an endpoint URI may override
 * any of them. Endpoints with equal settings share one connection (one token holder per company).
 */
@UriParams
public class ConcurEndpointConfiguration implements Cloneable {
    /** App client id (UUID from Concur App Management). */
    @UriParam(label = "security")
    private String clientId;

    /** App client secret. */
    @UriParam(label = "security", secret = true)
    private String clientSecret;

    /** Company UUID (the id of the Connect redirect); every FIS call uses the company token. */
    @UriParam(label = "common")
    private String companyId;

    /**
     * Company request token (valid 24 h), used only when the token store holds no token for the company yet: the
     * connector exchanges it for the company's refresh token, which it then keeps rotating.
     */
    @UriParam(label = "security", secret = true)
    private String requestToken;

    /** Where the first tokens are requested; partners use GLZ. */
    @UriParam(label = "common", defaultValue = "https://glz.api.concursolutions.com")
    private String authBaseUri = ConcurConfiguration.DEFAULT_AUTH_BASE_URI.toString();

    /** Where the app (client_credentials) token for event subscriptions is requested; default the geolocation. */
    @UriParam(label = "advanced")
    private String appTokenBaseUri;

    /** Optional user login for the password grant (Expense v4 reads); default the company token is used. */
    @UriParam(label = "security")
    private String userName;

    /** The password of userName. */
    @UriParam(label = "security", secret = true)
    private String userPassword;

    /** FIS systemId sent on reads, acknowledgements and confirmations (at most 50 characters). */
    @UriParam(label = "common")
    private String systemId = "";

    /**
     * Where refresh tokens and geolocations are kept (a bean, e.g. a JdbcTokenStore over the host's database, whose
     * DDL ships in the core jar under db/concur-connector). Default: in memory, so a restart needs a new request
     * token.
     */
    @UriParam(label = "advanced")
    private TokenStore tokenStore;

    /** TCP connect timeout. */
    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long connectTimeout = Duration.ofSeconds(10).toMillis();

    /** Answer timeout of one request; Concur answers within 60 seconds. */
    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration")
    private long readTimeout = Duration.ofSeconds(60).toMillis();

    /** Attempts per call on 429/503 and I/O errors of reads, the first included. */
    @UriParam(label = "advanced", defaultValue = "4")
    private int maxAttempts = 4;

    /** First backoff when Concur gives no Retry-After; doubles per attempt. */
    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration")
    private long initialBackoff = Duration.ofSeconds(1).toMillis();

    /** Longest backoff without Retry-After. */
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long maxBackoff = Duration.ofSeconds(30).toMillis();

    /** A Retry-After longer than this is not waited for in-line: the call fails THROTTLED with the wait. */
    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long maxRetryAfter = Duration.ofMinutes(5).toMillis();

    /** Refresh the access token this long before it expires (capped at half its lifetime). */
    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long accessTokenRefreshMargin = Duration.ofMinutes(5).toMillis();

    /** Log a warning when the refresh token expires within this period. */
    @UriParam(label = "advanced", defaultValue = "30d", javaType = "java.time.Duration")
    private long refreshTokenWarningPeriod = Duration.ofDays(30).toMillis();

    /**
     * Calls per minute to Concur, token calls included: the connection spaces its calls evenly at this rate and a 429
     * slows every caller of the connection, not only the refused one. 0 sends every call at once. Concur publishes no
     * rate for FIS or OAuth; the default leaves room for about 50 documents a second.
     */
    @UriParam(label = "advanced", defaultValue = "10000")
    private int callsPerMinute = CallPacer.DEFAULT_CALLS_PER_MINUTE;

    /** FIS page size when an endpoint sets no limit; 25 is Concur's documented default. */
    @UriParam(label = "advanced", defaultValue = "25")
    private int fisPageSize = 25;

    /** A copy for one endpoint. */
    public ConcurEndpointConfiguration copy() {
        try {
            return (ConcurEndpointConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The framework-free connector's configuration built from these settings. */
    public ConcurConfiguration toConnectorConfiguration() {
        if (clientId == null || clientSecret == null || companyId == null) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "the concur component needs clientId,"
                    + " clientSecret and companyId (e.g. camel.component.concur.client-id) or a shared connection");
        }
        ConcurConfiguration.Builder builder = ConcurConfiguration.builder()
                .clientId(clientId).clientSecret(clientSecret).companyId(companyId).requestToken(requestToken)
                .authBaseUri(URI.create(authBaseUri))
                .appTokenBaseUri(appTokenBaseUri == null ? null : URI.create(appTokenBaseUri))
                .userName(userName).userPassword(userPassword).systemId(systemId)
                .connectTimeout(Duration.ofMillis(connectTimeout)).readTimeout(Duration.ofMillis(readTimeout))
                .maxAttempts(maxAttempts).initialBackoff(Duration.ofMillis(initialBackoff))
                .maxBackoff(Duration.ofMillis(maxBackoff)).maxRetryAfter(Duration.ofMillis(maxRetryAfter))
                .accessTokenRefreshMargin(Duration.ofMillis(accessTokenRefreshMargin))
                .refreshTokenWarningPeriod(Duration.ofMillis(refreshTokenWarningPeriod))
                .fisPageSize(fisPageSize).callsPerMinute(callsPerMinute);
        if (tokenStore != null) {
            builder.tokenStore(tokenStore);
        }
        return builder.build();
    }

    private Object[] connectionKey() {
        return new Object[] {clientId, clientSecret, companyId, requestToken, authBaseUri, appTokenBaseUri, userName,
                userPassword, systemId, tokenStore, connectTimeout, readTimeout, maxAttempts, initialBackoff,
                maxBackoff, maxRetryAfter, accessTokenRefreshMargin, refreshTokenWarningPeriod, fisPageSize, callsPerMinute};
    }

    /** Equal settings mean one connection: the same company, credentials, token store and limits. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConcurEndpointConfiguration other && Arrays.equals(connectionKey(), other.connectionKey());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(connectionKey());
    }

    @Override
    public String toString() {
        return "ConcurEndpointConfiguration[clientId=" + clientId + ", clientSecret=****, companyId=" + companyId
                + ", authBaseUri=" + authBaseUri + ", systemId=" + systemId + "]";
    }

    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public String getCompanyId() { return companyId; }
    public void setCompanyId(String companyId) { this.companyId = companyId; }
    public String getRequestToken() { return requestToken; }
    public void setRequestToken(String requestToken) { this.requestToken = requestToken; }
    public String getAuthBaseUri() { return authBaseUri; }
    public void setAuthBaseUri(String authBaseUri) { this.authBaseUri = Objects.requireNonNull(authBaseUri); }
    public String getAppTokenBaseUri() { return appTokenBaseUri; }
    public void setAppTokenBaseUri(String appTokenBaseUri) { this.appTokenBaseUri = appTokenBaseUri; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getUserPassword() { return userPassword; }
    public void setUserPassword(String userPassword) { this.userPassword = userPassword; }
    public String getSystemId() { return systemId; }
    public void setSystemId(String systemId) { this.systemId = systemId; }
    public TokenStore getTokenStore() { return tokenStore; }
    public void setTokenStore(TokenStore tokenStore) { this.tokenStore = tokenStore; }
    public long getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(long connectTimeout) { this.connectTimeout = connectTimeout; }
    public long getReadTimeout() { return readTimeout; }
    public void setReadTimeout(long readTimeout) { this.readTimeout = readTimeout; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public long getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(long initialBackoff) { this.initialBackoff = initialBackoff; }
    public long getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(long maxBackoff) { this.maxBackoff = maxBackoff; }
    public long getMaxRetryAfter() { return maxRetryAfter; }
    public void setMaxRetryAfter(long maxRetryAfter) { this.maxRetryAfter = maxRetryAfter; }
    public long getAccessTokenRefreshMargin() { return accessTokenRefreshMargin; }
    public void setAccessTokenRefreshMargin(long v) { this.accessTokenRefreshMargin = v; }
    public long getRefreshTokenWarningPeriod() { return refreshTokenWarningPeriod; }
    public void setRefreshTokenWarningPeriod(long v) { this.refreshTokenWarningPeriod = v; }
    public int getFisPageSize() { return fisPageSize; }
    public void setFisPageSize(int fisPageSize) { this.fisPageSize = fisPageSize; }
    public int getCallsPerMinute() { return callsPerMinute; }
    public void setCallsPerMinute(int callsPerMinute) { this.callsPerMinute = callsPerMinute; }
}
