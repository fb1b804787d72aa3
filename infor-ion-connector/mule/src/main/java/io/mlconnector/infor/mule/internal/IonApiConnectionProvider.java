package io.mlconnector.infor.mule.internal;

import io.mlconnector.infor.api.CallPacer;
import io.mlconnector.infor.api.GrantType;
import io.mlconnector.infor.api.InforIonConnection;
import io.mlconnector.infor.api.InforIonConnectionProvider;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.InforIonSettings;
import io.mlconnector.infor.api.IonApiCredentials;
import io.mlconnector.infor.api.IonPingResult;
import org.mule.runtime.api.connection.CachedConnectionProvider;
import org.mule.runtime.api.connection.ConnectionException;
import org.mule.runtime.api.connection.ConnectionValidationResult;
import org.mule.runtime.extension.api.annotation.Alias;
import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.annotation.param.Parameter;
import org.mule.runtime.extension.api.annotation.param.ParameterGroup;
import org.mule.runtime.extension.api.annotation.param.display.Password;
import org.mule.runtime.extension.api.annotation.param.display.Summary;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Connects to the ION API Gateway with a .ionapi credentials file: a token holder that renews the token before it
 * expires, the HTTP client and the gateway URL. Validation logs in, pings IMS and checks that the connection point
 * accepts the documents this connector builds.
 */
@Alias("ionapi")
public class IonApiConnectionProvider implements CachedConnectionProvider<InforIonConnection> {

    /** Path of the .ionapi file downloaded from ION API (backend service). Give this or the content. */
    @Parameter
    @Optional
    @Summary("Path of the .ionapi file; give this or its content")
    private String ionapiFile;

    /** The .ionapi JSON itself, e.g. from a secure property. Give this or the file. */
    @Parameter
    @Optional
    @Password
    private String ionapiContent;

    @ParameterGroup(name = "Messaging")
    private IonMessagingSettings messaging;

    public IonApiConnectionProvider() {
    }

    /** For tests and embedding. */
    public IonApiConnectionProvider(String ionapiFile, String ionapiContent, IonMessagingSettings messaging) {
        this.ionapiFile = ionapiFile;
        this.ionapiContent = ionapiContent;
        this.messaging = messaging;
    }

    @Override
    public InforIonConnection connect() throws ConnectionException {
        try {
            return new InforIonConnectionProvider(credentials(), messaging.settings()).connect();
        } catch (InforIonException e) {
            throw new ConnectionException(e.getMessage(), InforIonErrors.toModuleException(e));
        }
    }

    @Override
    public void disconnect(InforIonConnection connection) {
        connection.close();
    }

    @Override
    public ConnectionValidationResult validate(InforIonConnection connection) {
        try {
            IonPingResult ping = new InforIonConnectionProvider(credentials(), messaging.settings()).validate(connection);
            if (ping.ok()) {
                return ConnectionValidationResult.success();
            }
            InforIonException problem = new InforIonException(InforIonErrorType.CONFIGURATION,
                    String.join("; ", ping.problems()));
            return ConnectionValidationResult.failure(problem.getMessage(), InforIonErrors.toModuleException(problem));
        } catch (InforIonException e) {
            return ConnectionValidationResult.failure(e.getMessage(), InforIonErrors.toModuleException(e));
        }
    }

    private IonApiCredentials credentials() {
        boolean hasFile = ionapiFile != null && !ionapiFile.isBlank();
        boolean hasContent = ionapiContent != null && !ionapiContent.isBlank();
        if (hasFile == hasContent) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION,
                    "give exactly one of ionapiFile and ionapiContent");
        }
        return hasFile ? IonApiCredentials.load(Path.of(ionapiFile)) : IonApiCredentials.parse(ionapiContent);
    }

    /** The IMS routing and limits of the messages this connection posts. Every setting says its default. */
    public static class IonMessagingSettings {
        /** The logical id ION knows this application by, e.g. {@code lid://infor.ims.mlconnector}. */
        @Parameter
        private String fromLogicalId;

        /** Where ION routes the messages. Default lid://default. */
        @Parameter
        @Optional(defaultValue = "lid://default")
        private String toLogicalId;

        /** PASSWORD (backend service account, saak/sask) or CLIENT_CREDENTIALS. Default PASSWORD. */
        @Parameter
        @Optional(defaultValue = "PASSWORD")
        private GrantType grantType;

        /** Larger messages are refused before any request (split the document). Default 5242880 (5 MiB). */
        @Parameter
        @Optional(defaultValue = "5242880")
        private long maxMessageBytes;

        /** Attempts per call on 429, 5xx and timeouts, the first included. Default 5. */
        @Parameter
        @Optional(defaultValue = "5")
        private int maxAttempts;

        /** Answer timeout per request in seconds. Default 60. */
        @Parameter
        @Optional(defaultValue = "60")
        private int requestTimeoutSeconds;

        /**
         * Calls per minute to the ION API Gateway, retries included, spaced evenly so the tenant's quota is kept;
         * a 429 slows every caller of the connection. 0 = no pacing. Default 3000 (the Essentials tier's quota).
         */
        @Parameter
        @Optional(defaultValue = "3000")
        private int callsPerMinute;

        public IonMessagingSettings() {
        }

        public IonMessagingSettings(String fromLogicalId, String toLogicalId, GrantType grantType,
                                    long maxMessageBytes, int maxAttempts, int requestTimeoutSeconds) {
            this(fromLogicalId, toLogicalId, grantType, maxMessageBytes, maxAttempts, requestTimeoutSeconds,
                    CallPacer.ESSENTIALS_CALLS_PER_MINUTE);
        }

        public IonMessagingSettings(String fromLogicalId, String toLogicalId, GrantType grantType,
                                    long maxMessageBytes, int maxAttempts, int requestTimeoutSeconds,
                                    int callsPerMinute) {
            this.callsPerMinute = callsPerMinute;
            this.fromLogicalId = fromLogicalId;
            this.toLogicalId = toLogicalId;
            this.grantType = grantType;
            this.maxMessageBytes = maxMessageBytes;
            this.maxAttempts = maxAttempts;
            this.requestTimeoutSeconds = requestTimeoutSeconds;
        }

        InforIonSettings settings() {
            return InforIonSettings.builder().fromLogicalId(fromLogicalId).toLogicalId(toLogicalId)
                    .grantType(grantType).maxMessageBytes(maxMessageBytes).maxAttempts(maxAttempts)
                    .requestTimeout(Duration.ofSeconds(requestTimeoutSeconds)).callsPerMinute(callsPerMinute).build();
        }
    }
}
