package io.mlconnector.infor.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings besides the .ionapi file. Build with {@link #builder()}; every option has a default.
 *
 * @param grantType          token grant; default {@link GrantType#PASSWORD}
 * @param fromLogicalId      the IMS connection point's logical id ({@code lid://infor.ims.<name>}); required to post
 * @param toLogicalId        IMS routing target; default {@code lid://default}
 * @param senderComponentId  BOD {@code Sender/ComponentID}; default {@code ml-connector}
 * @param confirmationCode   BOD {@code Sender/ConfirmationCode} (Never | OnError | Always); default {@code OnError}
 * @param bodVersionId       InforOAGIS {@code versionID} attribute; default {@code 2.9.0} (the OCA examples)
 * @param maxMessageBytes    largest payload posted; default 5 MiB (Essentials tier,
 *                           https://docs.infor.com/inforos/12.0.x/en-us/usagelimits-igs/uup1651243668177.html)
 * @param tokenRefreshMargin renew the token this long before it expires (at most a fifth of its lifetime); default 5 min
 * @param defaultTokenLifetime assumed when the token response has no expires_in; default 2 h
 *                           (https://docs.infor.com/inforos/2024.x/en-us/useradminlib_cloud/apigatewayag_cloud/txp1513778220092.html)
 * @param maxAttempts        attempts per call for 429/5xx/IO errors; default 5
 * @param initialBackoff     first retry delay, doubled per attempt, with jitter; default 500 ms
 * @param maxBackoff         longest retry delay; default 30 s
 * @param maxRetryAfter      longest Retry-After honoured; a longer one ends the call as THROTTLED; default 60 s
 * @param connectTimeout     TCP connect timeout; default 10 s
 * @param requestTimeout     per-request timeout; default 60 s (the gateway's own backend timeout,
 *                           https://docs.infor.com/inforos/latest/en-us/useradminlib_cloud/apigatewayag_cloud/zdq1489511424303.html)
 * @param revokeOnClose      revoke the token when the connection closes; default true
 * @param scope              optional OAuth scope; default none
 * @param loginFailureCooldown after a refused login (bad credentials, quota), callers fail fast for this long
 *                           instead of each spending a login; default 30 s
 * @param callsPerMinute     the tenant's API Gateway quota the connection's {@link CallPacer} keeps to; 0 = no
 *                           pacing; default 3,000 (Essentials tier). A pacer supplied to
 *                           {@link InforIonConnectionProvider#withCallPacer(CallPacer)} carries its own rate instead
 */
public record InforIonSettings(GrantType grantType, String fromLogicalId, String toLogicalId, String senderComponentId,
                               String confirmationCode, String bodVersionId, long maxMessageBytes,
                               Duration tokenRefreshMargin, Duration defaultTokenLifetime, int maxAttempts,
                               Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                               Duration connectTimeout, Duration requestTimeout, boolean revokeOnClose, String scope,
                               Duration loginFailureCooldown, int callsPerMinute) {

    public static final long DEFAULT_MAX_MESSAGE_BYTES = 5_242_880L;

    public InforIonSettings {
        Objects.requireNonNull(grantType, "grantType");
        if (maxMessageBytes <= 0 || maxAttempts < 1) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION, "maxMessageBytes and maxAttempts must be positive");
        }
        if (callsPerMinute < 0) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION, "callsPerMinute must not be negative");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.grantType = grantType; b.fromLogicalId = fromLogicalId; b.toLogicalId = toLogicalId;
        b.senderComponentId = senderComponentId; b.confirmationCode = confirmationCode; b.bodVersionId = bodVersionId;
        b.maxMessageBytes = maxMessageBytes; b.tokenRefreshMargin = tokenRefreshMargin;
        b.defaultTokenLifetime = defaultTokenLifetime; b.maxAttempts = maxAttempts; b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff; b.maxRetryAfter = maxRetryAfter; b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout; b.revokeOnClose = revokeOnClose; b.scope = scope;
        b.loginFailureCooldown = loginFailureCooldown; b.callsPerMinute = callsPerMinute;
        return b;
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private GrantType grantType = GrantType.PASSWORD;
        private String fromLogicalId;
        private String toLogicalId = "lid://default";
        private String senderComponentId = "ml-connector";
        private String confirmationCode = "OnError";
        private String bodVersionId = "2.9.0";
        private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Duration tokenRefreshMargin = Duration.ofMinutes(5);
        private Duration defaultTokenLifetime = Duration.ofHours(2);
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private boolean revokeOnClose = true;
        private String scope;
        private Duration loginFailureCooldown = Duration.ofSeconds(30);
        private int callsPerMinute = CallPacer.ESSENTIALS_CALLS_PER_MINUTE;

        public Builder grantType(GrantType v) { grantType = v; return this; }
        public Builder fromLogicalId(String v) { fromLogicalId = v; return this; }
        public Builder toLogicalId(String v) { toLogicalId = v; return this; }
        public Builder senderComponentId(String v) { senderComponentId = v; return this; }
        public Builder confirmationCode(String v) { confirmationCode = v; return this; }
        public Builder bodVersionId(String v) { bodVersionId = v; return this; }
        public Builder maxMessageBytes(long v) { maxMessageBytes = v; return this; }
        public Builder tokenRefreshMargin(Duration v) { tokenRefreshMargin = v; return this; }
        public Builder defaultTokenLifetime(Duration v) { defaultTokenLifetime = v; return this; }
        public Builder maxAttempts(int v) { maxAttempts = v; return this; }
        public Builder initialBackoff(Duration v) { initialBackoff = v; return this; }
        public Builder maxBackoff(Duration v) { maxBackoff = v; return this; }
        public Builder maxRetryAfter(Duration v) { maxRetryAfter = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder revokeOnClose(boolean v) { revokeOnClose = v; return this; }
        public Builder scope(String v) { scope = v; return this; }
        public Builder loginFailureCooldown(Duration v) { loginFailureCooldown = v; return this; }
        public Builder callsPerMinute(int v) { callsPerMinute = v; return this; }

        public InforIonSettings build() {
            return new InforIonSettings(grantType, fromLogicalId, toLogicalId, senderComponentId, confirmationCode,
                    bodVersionId, maxMessageBytes, tokenRefreshMargin, defaultTokenLifetime, maxAttempts,
                    initialBackoff, maxBackoff, maxRetryAfter, connectTimeout, requestTimeout, revokeOnClose, scope,
                    loginFailureCooldown, callsPerMinute);
        }
    }
}
