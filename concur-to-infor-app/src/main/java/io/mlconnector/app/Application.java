package io.mlconnector.app;

import java.io.PrintWriter;

/**
 * The seam between the CLI and the pipeline: the lead's Camel Main application implements this (and registers an
 * {@link ApplicationFactory}); the {@code run}, {@code demo}, {@code ping} and {@code subscribe} commands only call it.
 */
public interface Application extends AutoCloseable {

    /** Starts the webhook, the inbox workers and the admin server; returns once they are serving. */
    void start();

    /** Blocks until the application is stopped (signal, {@link #close()}). */
    void awaitStop() throws InterruptedException;

    /** Checks both systems (Concur token + geolocation, Infor token + ION ping) and prints a human-readable verdict. */
    boolean ping(PrintWriter out);

    /** Creates or updates the ESS subscriptions for the configured topics; prints what it did. Answers the exit code. */
    int subscribe(PrintWriter out);

    /**
     * Starts the sandboxes and the app on the embedded database, lets Concur approve the samples, waits for every
     * confirmation, prints the summary table and one audit trail. Answers the exit code: 0 only if all succeeded.
     */
    int demo(PrintWriter out);

    /**
     * The demo; with {@code keepRunning} the app, its console and the sandboxes stay up after the summary until the
     * process is stopped (Ctrl-C).
     */
    default int demo(PrintWriter out, boolean keepRunning) {
        return demo(out);
    }

    /**
     * Runs the sandboxes with the ION gateway limited to a rate, the app with its default settings, and prints
     * documents/s, ION calls/s against the limit, 429s, delivered-to-confirmation latency, webhook intake against a
     * same-pool baseline and peak heap. Answers the exit code: 0 when every document was posted.
     */
    int bench(BenchOptions options, PrintWriter out);

    /** Stops everything started; idempotent. */
    @Override
    void close();
}
