package io.mlconnector.app.admin;

/**
 * What a replay or resolve of an exception record did, or why it did nothing.
 *
 * @param result  DONE, NOT_FOUND, or REFUSED (with the reason in {@code message})
 * @param message what a finance user reads
 */
public record ExceptionAction(long exceptionId, Result result, String message) {
    public enum Result { DONE, NOT_FOUND, REFUSED }

    public boolean done() {
        return result == Result.DONE;
    }
}
