package io.mlconnector.sandbox.infor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link InforSandbox} behaves. {@link #defaults()} mirrors a freshly configured Infor OS tenant on the
 * Essentials tier (https://docs.infor.com/inforos/12.0.x/en-us/usagelimits-igs/uup1651243668177.html);
 * {@link #builder()} changes single values for a test.
 *
 * @param tokenLifetime            access-token lifetime (Infor default 2 hours; use whole seconds in tests)
 * @param maxMessageBytes          largest accepted MessagePayload in bytes, after BASE64 decoding (5 MiB)
 * @param connectionPointLogicalId the logical id of the IMS connection point the .ionapi credentials belong to
 * @param acceptedDocuments        the connection point's Documents tab: documentName values ION accepts from it
 * @param dataFlowActive           whether the data flow behind the connection point is active (ping 503 when not)
 * @param tenant                   the tenant identifier {@code ti} (≤ 22 characters)
 * @param issueRefreshTokens       whether password grants also return a refresh token ("Issue Refresh Token")
 * @param refreshTokenLifetime     refresh-token lifetime (not documented by Infor; 8 hours here)
 * @param loginsPerMinuteLimit     service-account logins allowed per minute before the token endpoint answers 429
 *                                 (Essentials: 20); 0 = unlimited, the default so tests are not throttled by accident
 * @param port                     loopback port to listen on; 0 (default, and always in tests) picks a free one
 */
public record InforSandboxSettings(Duration tokenLifetime, long maxMessageBytes, String connectionPointLogicalId,
                                   List<String> acceptedDocuments, boolean dataFlowActive, String tenant,
                                   boolean issueRefreshTokens, Duration refreshTokenLifetime,
                                   int loginsPerMinuteLimit, int port) {

    public static final String DEFAULT_TENANT = "MLCONNECTOR_TST";
    public static final String DEFAULT_LOGICAL_ID = "lid://infor.ims.mlconnector";
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 5_242_880L;
    public static final List<String> DEFAULT_ACCEPTED_DOCUMENTS = List.of(
            "Sync.SourceSystemJournalEntry", "Process.SourceSystemJournalEntry", "Process.SupplierInvoice");

    public InforSandboxSettings {
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
        Objects.requireNonNull(connectionPointLogicalId, "connectionPointLogicalId");
        Objects.requireNonNull(tenant, "tenant");
        acceptedDocuments = List.copyOf(acceptedDocuments);
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive");
        }
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
        if (tenant.isBlank() || tenant.length() > 22) {
            throw new IllegalArgumentException("tenant must be 1..22 characters (ION limit)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
    }

    /** The settings tests change most often; the others keep their defaults. */
    public InforSandboxSettings(Duration tokenLifetime, long maxMessageBytes, String connectionPointLogicalId,
                                List<String> acceptedDocuments, boolean dataFlowActive, String tenant) {
        this(tokenLifetime, maxMessageBytes, connectionPointLogicalId, acceptedDocuments, dataFlowActive, tenant,
                true, Duration.ofHours(8), 0, 0);
    }

    public InforSandboxSettings withTokenLifetime(Duration value) {
        return toBuilder().tokenLifetime(value).build();
    }

    public InforSandboxSettings withMaxMessageBytes(long value) {
        return toBuilder().maxMessageBytes(value).build();
    }

    public InforSandboxSettings withConnectionPointLogicalId(String value) {
        return toBuilder().connectionPointLogicalId(value).build();
    }

    public InforSandboxSettings withAcceptedDocuments(List<String> value) {
        return toBuilder().acceptedDocuments(value).build();
    }

    public InforSandboxSettings withDataFlowActive(boolean value) {
        return toBuilder().dataFlowActive(value).build();
    }

    public InforSandboxSettings withTenant(String value) {
        return toBuilder().tenant(value).build();
    }

    public static InforSandboxSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().tokenLifetime(tokenLifetime).maxMessageBytes(maxMessageBytes)
                .connectionPointLogicalId(connectionPointLogicalId).acceptedDocuments(acceptedDocuments)
                .dataFlowActive(dataFlowActive).tenant(tenant).issueRefreshTokens(issueRefreshTokens)
                .refreshTokenLifetime(refreshTokenLifetime).loginsPerMinuteLimit(loginsPerMinuteLimit).port(port);
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private Duration tokenLifetime = Duration.ofSeconds(7200);
        private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private String connectionPointLogicalId = DEFAULT_LOGICAL_ID;
        private List<String> acceptedDocuments = DEFAULT_ACCEPTED_DOCUMENTS;
        private boolean dataFlowActive = true;
        private String tenant = DEFAULT_TENANT;
        private boolean issueRefreshTokens = true;
        private Duration refreshTokenLifetime = Duration.ofHours(8);
        private int loginsPerMinuteLimit;
        private int port;

        private Builder() {
        }

        public Builder tokenLifetime(Duration value) {
            tokenLifetime = value;
            return this;
        }

        public Builder maxMessageBytes(long value) {
            maxMessageBytes = value;
            return this;
        }

        public Builder connectionPointLogicalId(String value) {
            connectionPointLogicalId = value;
            return this;
        }

        public Builder acceptedDocuments(List<String> value) {
            acceptedDocuments = value;
            return this;
        }

        public Builder dataFlowActive(boolean value) {
            dataFlowActive = value;
            return this;
        }

        public Builder tenant(String value) {
            tenant = value;
            return this;
        }

        public Builder issueRefreshTokens(boolean value) {
            issueRefreshTokens = value;
            return this;
        }

        public Builder refreshTokenLifetime(Duration value) {
            refreshTokenLifetime = value;
            return this;
        }

        public Builder loginsPerMinuteLimit(int value) {
            loginsPerMinuteLimit = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public InforSandboxSettings build() {
            return new InforSandboxSettings(tokenLifetime, maxMessageBytes, connectionPointLogicalId,
                    acceptedDocuments, dataFlowActive, tenant, issueRefreshTokens, refreshTokenLifetime,
                    loginsPerMinuteLimit, port);
        }
    }
}
