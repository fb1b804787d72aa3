package io.mlconnector.concur.api;

import io.mlconnector.concur.internal.LocalCallPacer;

import java.time.Duration;

/**
 * Spaces the calls of a Concur connection (token calls included) so they stay under a set rate, and makes every caller
 * back off together when Concur answers 429, which it sends when "services are overloaded either with too many
 * requests from a single source or too many requests in aggregate"
 * (https://github.com/SAP-docs/preview.developer.concur.com/blob/main/src/api-reference/http-status-codes.markdown). Every call, retries included, first waits for
 * its turn here.
 *
 * <p>The default, {@link #perMinute(int)}, paces the calls of one process. A host running several instances for one
 * company supplies a pacer whose state they share (for example a row in their common database) through
 * {@link ConcurConfiguration.Builder#callPacer(CallPacer)}.
 */
public interface CallPacer {
    /**
     * The default of {@link ConcurConfiguration#callsPerMinute()}. Concur publishes no rate for FIS, ESS or OAuth (it
     * publishes 10,000 requests per minute for Invoice Pay v4); at three calls per document (read, acknowledge,
     * confirm) this leaves room for the 50 documents per second an Essentials ION quota can post.
     */
    int DEFAULT_CALLS_PER_MINUTE = 10_000;

    /**
     * Returns when the next call may go: at once when the pace allows it, otherwise after waiting its turn.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void awaitTurn() throws InterruptedException;

    /** Concur answered 429: no caller of this pacer sends again before {@code retryAfter} has passed; the pace slows. */
    void throttled(Duration retryAfter);

    /** A pacer for this process: calls spaced evenly at {@code callsPerMinute}; 0 or less lets every call go at once. */
    static CallPacer perMinute(int callsPerMinute) {
        return callsPerMinute <= 0 ? unpaced() : new LocalCallPacer(callsPerMinute);
    }

    /** No pacing. */
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
