package io.mlconnector.app.pipeline;

import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.infor.api.InforIonException;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

/** Which failures are worth an immediate redelivery (the other system is busy or unreachable) and which are not. */
final class Failures {
    private Failures() {
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurException c) {
                return c.isRetryable();
            }
            if (t instanceof InforIonException i) {
                return i.isTransient();
            }
            if (t instanceof HttpTimeoutException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** A one-line description for the inbox and the audit trail (exception messages of the connectors hold no secrets). */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
