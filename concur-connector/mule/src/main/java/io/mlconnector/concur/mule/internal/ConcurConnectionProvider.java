package io.mlconnector.concur.mule.internal;

import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.ConnectionValidation;
import org.mule.runtime.api.connection.CachedConnectionProvider;
import org.mule.runtime.api.connection.ConnectionException;
import org.mule.runtime.api.connection.ConnectionValidationResult;
import org.mule.runtime.extension.api.annotation.Alias;
import org.mule.runtime.extension.api.annotation.param.ParameterGroup;

/**
 * Connects one Concur company with the app's OAuth credentials: a company token holder, the HTTP client and the
 * geolocation. Validation is the {@code ping} operation: a company token plus one cheap FIS read.
 */
@Alias("oauth")
public class ConcurConnectionProvider implements CachedConnectionProvider<ConcurConnection> {

    @ParameterGroup(name = "Credentials")
    private ConcurCredentials credentials;

    @ParameterGroup(name = "Connection")
    private ConcurConnectionSettings settings;

    public ConcurConnectionProvider() {
    }

    /** For tests and embedding. */
    public ConcurConnectionProvider(ConcurCredentials credentials, ConcurConnectionSettings settings) {
        this.credentials = credentials;
        this.settings = settings;
    }

    @Override
    public ConcurConnection connect() throws ConnectionException {
        try {
            return new io.mlconnector.concur.api.ConcurConnectionProvider(configuration()).connect();
        } catch (ConcurException e) {
            throw new ConnectionException(e.getMessage(), ConcurErrors.toModuleException(e));
        }
    }

    @Override
    public void disconnect(ConcurConnection connection) {
        connection.close();
    }

    @Override
    public ConnectionValidationResult validate(ConcurConnection connection) {
        ConnectionValidation validation = new io.mlconnector.concur.api.ConcurConnectionProvider(
                connection.configuration()).validate(connection);
        if (validation.isValid()) {
            return ConnectionValidationResult.success();
        }
        return ConnectionValidationResult.failure(validation.failure().getMessage(),
                ConcurErrors.toModuleException(validation.failure()));
    }

    ConcurConfiguration configuration() {
        ConcurConfiguration.Builder builder = ConcurConfiguration.builder();
        credentials.applyTo(builder);
        settings.applyTo(builder);
        return builder.build();
    }
}
