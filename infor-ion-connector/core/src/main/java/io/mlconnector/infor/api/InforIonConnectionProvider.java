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
    private final CallPacer pacer;

    public InforIonConnectionProvider(IonApiCredentials credentials, InforIonSettings settings) {
        this(credentials, settings, Clock.systemUTC());
    }

    /** @param clock decides when the token is due for renewal (tests move it forward) */
    public InforIonConnectionProvider(IonApiCredentials credentials, InforIonSettings settings, Clock clock) {
        this(credentials, settings, clock,
                CallPacer.perMinute(Objects.requireNonNull(settings, "settings").callsPerMinute()));
    }

    private InforIonConnectionProvider(IonApiCredentials credentials, InforIonSettings settings, Clock clock,
                                       CallPacer pacer) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /**
     * The same provider, its connections pacing their gateway calls with {@code pacer} instead of a pacer of their
     * own at {@link InforIonSettings#callsPerMinute()}. Every connection of this provider shares it; a host running
     * several instances for one tenant supplies one whose state they share.
     */
    public InforIonConnectionProvider withCallPacer(CallPacer pacer) {
        return new InforIonConnectionProvider(credentials, settings, clock, pacer);
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
        return new InforIonConnection(credentials, settings, clock, pacer);
    }

    /** Token + IMS ping + acceptedDocuments; see {@link MessagingOperations#ping()}. */
    public IonPingResult validate(InforIonConnection connection) {
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
