package io.mlconnector.app.demo;

/**
 * What {@code ml-connector bench} runs.
 *
 * @param warmUpDocuments generated documents posted first, not measured, so the JIT has compiled the pipeline's
 *                     paths before the measured run (0: none)
 * @param documents    generated documents Concur approves at once
 * @param callsPerSecond the rate the sandbox's ION API Gateway allows (the app is told the same rate)
 * @param intakeEvents signed events sent per connection count in the webhook intake part (and as many baseline inserts)
 * @param databaseUrl  empty: a fresh embedded H2 database; a {@code jdbc:postgresql:} URL: a fresh schema there,
 *                     dropped afterwards
 */
public record BenchOptions(int warmUpDocuments, int documents, int callsPerSecond, int intakeEvents,
                           String databaseUrl) {
    public BenchOptions {
        if (documents < 1 || callsPerSecond < 1 || intakeEvents < 1) {
            throw new IllegalArgumentException("documents, calls per second and intake events must be positive");
        }
        if (warmUpDocuments < 0) {
            throw new IllegalArgumentException("warm-up documents must be 0 or more");
        }
        if (!databaseUrl.isEmpty() && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the bench database is the embedded default or a jdbc:postgresql: URL");
        }
    }
}
