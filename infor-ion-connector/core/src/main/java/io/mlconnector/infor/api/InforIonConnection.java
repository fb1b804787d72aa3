package io.mlconnector.infor.api;

import io.mlconnector.infor.internal.GatewayClient;
import io.mlconnector.infor.internal.TokenHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;

/**
 * One connection to an Infor OS tenant: the token holder, a java.net.http client and the API base
 * ({@code iu/ti}). Thread-safe; share one per tenant. {@link #close()} revokes the token (when
 * {@link InforIonSettings#revokeOnClose()}). Created by {@link InforIonConnectionProvider#connect()}.
 */
public final class InforIonConnection implements AutoCloseable {
    private final IonApiCredentials credentials;
    private final InforIonSettings settings;
    private final Clock clock;
    private final TokenHolder tokens;
    private final GatewayClient gateway;

    InforIonConnection(IonApiCredentials credentials, InforIonSettings settings, Clock clock, CallPacer pacer) {
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = new TokenHolder(http, credentials, settings, clock);
        this.gateway = new GatewayClient(http, tokens, settings, clock, pacer);
    }

    public IonApiCredentials credentials() {
        return credentials;
    }

    public InforIonSettings settings() {
        return settings;
    }

    public String tenant() {
        return credentials.tenant();
    }

    /** {@code iu + "/" + ti}. */
    public URI apiBase() {
        return credentials.apiBase();
    }

    public Clock clock() {
        return clock;
    }

    /** Token grants (logins and refreshes) this connection performed so far. */
    public int grantCount() {
        return tokens.grantCount();
    }

    /** Obtains (or reuses) the access token now; useful to fail fast at start-up. */
    public void authenticate() {
        tokens.accessToken();
    }

    GatewayClient gateway() {
        return gateway;
    }

    @Override
    public void close() {
        if (settings.revokeOnClose()) {
            tokens.revoke();
        }
    }

    @Override
    public String toString() {
        return "InforIonConnection[tenant=" + tenant() + ", apiBase=" + apiBase() + "]";
    }
}
