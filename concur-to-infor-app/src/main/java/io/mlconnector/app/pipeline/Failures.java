package io.mlconnector.app.pipeline;

/** How a failure is described in the inbox and the audit trail. */
final class Failures {
    private Failures() {
    }

    /** A one-line description for the inbox and the audit trail (exception messages of the connectors hold no secrets). */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
