package io.mlconnector.concur.api;

import java.time.Duration;

/** Connection-level operations. */
public final class ConnectionOperations {
    static final String PING_PROBE = "/financialintegration/fi/v4/companies/transactiontypes/expense/transactions"
            + "?page=0&limit=1";

    private final ConcurConnection connection;

    public ConnectionOperations(ConcurConnection connection) {
        this.connection = connection;
    }

    /**
     * Proves the credentials work: obtains (or refreshes) the company token and makes one cheap FIS read.
     *
     * @return the geolocation in use and the token expiries
     * @throws ConcurException REAUTHORIZATION_REQUIRED, AUTHENTICATION_FAILED, UNAUTHORIZED, FORBIDDEN, CONNECTIVITY,
     *                         TIMEOUT, THROTTLED, SERVICE_UNAVAILABLE
     */
    public ConcurPingResult ping() {
        long started = System.nanoTime();
        connection.api().get(connection.companyTokens(), PING_PROBE, null);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        return new ConcurPingResult(connection.geolocation(), connection.configuration().companyId(),
                connection.companyTokenState().map(TokenState::refreshExpiresAt).orElse(null),
                connection.companyAccessTokenExpiresAt().orElse(null), "GET " + PING_PROBE, latency);
    }
}
