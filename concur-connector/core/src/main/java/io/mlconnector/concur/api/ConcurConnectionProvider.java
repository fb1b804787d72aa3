package io.mlconnector.concur.api;

/**
 * Creates, validates and closes {@link ConcurConnection}s for one {@link ConcurConfiguration}.
 */
public final class ConcurConnectionProvider {
    private final ConcurConfiguration config;

    public ConcurConnectionProvider(ConcurConfiguration config) {
        this.config = config;
    }

    /** A new connection. No network call happens until the first operation (or {@link #validate}). */
    public ConcurConnection connect() {
        if (config.companyId() == null || config.companyId().isBlank()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "companyId is required");
        }
        return new ConcurConnection(config);
    }

    /** Proves the connection works: a company token plus one cheap FIS read (the {@code ping} operation). */
    public ConnectionValidation validate(ConcurConnection connection) {
        try {
            return new ConnectionValidation(new ConnectionOperations(connection).ping(), null);
        } catch (ConcurException e) {
            return new ConnectionValidation(null, e);
        }
    }

    public void disconnect(ConcurConnection connection) {
        connection.close();
    }

    public ConcurConfiguration configuration() {
        return config;
    }
}
