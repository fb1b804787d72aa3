package io.mlconnector.infor.api;

import io.mlconnector.infor.internal.LocalCallPacer;

import java.time.Duration;

/**
 * Spaces the calls of every connection of one tenant so the ION API Gateway's quota is used without being exceeded:
 * the gateway refuses calls above a tenant's rate with 429 "Quota policy exceeded" (Essentials: 3,000 API executions
 * per minute, https://docs.infor.com/inforos/12.0.x/en-us/usagelimits-igs/uup1651243668177.html). Every gateway call
 * of a connection, retries included, first waits for its turn here.
 *
 * <p>The default, {@link #perMinute(int)}, paces the calls of one process. Several processes posting for one tenant
 * share the quota, so a host running more than one supplies a pacer whose state they share (for example a row in
 * their common database) through {@link InforIonConnectionProvider#withCallPacer(CallPacer)}.
 */
public interface CallPacer {
    /** Calls per minute of the Essentials tier: the default of {@link InforIonSettings#callsPerMinute()}. */
    int ESSENTIALS_CALLS_PER_MINUTE = 3000;

    /**
     * Returns when the next call may go: at once when the pace allows it, otherwise after waiting its turn.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void awaitTurn() throws InterruptedException;

    /**
     * The gateway answered 429: no caller of this pacer sends again before {@code retryAfter} has passed, and the
     * pace slows for a while (the configured rate was above what the tenant is allowed).
     */
    void throttled(Duration retryAfter);

    /** A pacer for this process: calls spaced evenly at {@code callsPerMinute}; 0 or less lets every call go at once. */
    static CallPacer perMinute(int callsPerMinute) {
        return callsPerMinute <= 0 ? unpaced() : new LocalCallPacer(callsPerMinute);
    }

    /** No pacing: for tests and for gateways without a quota. */
    static CallPacer unpaced() {
        return new CallPacer() {
            @Override
            public void awaitTurn() {
            }

            @Override
            public void throttled(Duration retryAfter) {
            }

            @Override
            public String toString() {
                return "CallPacer[unpaced]";
            }
        };
    }
}
