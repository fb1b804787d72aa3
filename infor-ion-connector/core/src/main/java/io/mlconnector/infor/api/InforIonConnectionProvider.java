package io.mlconnector.infor.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Creates, validates and closes {@link InforIonConnection}s (Mule SDK ConnectionProvider shape).
 */
public final class InforIonConnectionProvider {
    private final IonApiCredentials credentials;
    private final InforIonSettings settings;
    private final Clock clock;

    public InforIonConnectionProvider(IonApiCredentials credentials, InforIonSettings settings) {
        this(credentials, settings, Clock.systemUTC());
    }

    /** @param clock decides when the token is due for renewal (tests move it forward) */
    public InforIonConnectionProvider(IonApiCredentials credentials, InforIonSettings settings, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads the .ionapi file; see {@link IonApiCredentials#load(Path)}. */
    public static InforIonConnectionProvider fromIonapiFile(Path ionapiFile, InforIonSettings settings) {
        return new InforIonConnectionProvider(IonApiCredentials.load(ionapiFile), settings);
    }

    /**
     * A new connection. No network call is made; the first operation logs in.
     *
     * @throws InforIonException CONFIGURATION when the password grant is chosen and saak/sask are missing
     */
    public InforIonConnection connect() {
        if (settings.grantType() == GrantType.PASSWORD) {
            credentials.requireServiceAccount();
        }
        return new InforIonConnection(credentials, settings, clock);
    }

    /** Token + IMS ping + acceptedDocuments; see {@link MessagingOperations#ping()}. */
    public PingResult validate(InforIonConnection connection) {
        return new MessagingOperations(connection).ping();
    }

    /** Revokes the token and releases the connection. */
    public void disconnect(InforIonConnection connection) {
        connection.close();
    }

    public InforIonSettings settings() {
        return settings;
    }

    public IonApiCredentials credentials() {
        return credentials;
    }
}
