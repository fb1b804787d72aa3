package io.mlconnector.infor.api;

/**
 * What went wrong, so callers branch on the type and never on message text.
 * Each operation's javadoc lists the subset it can raise.
 */
public enum InforIonErrorType {
    /** The gateway or the authorization server could not be reached, or kept failing (5xx, timeouts) after retries. */
    CONNECTIVITY,
    /** The authorization server refused the .ionapi credentials (wrong ci/cs or saak/sask). */
    UNAUTHORIZED,
    /** The refresh token was refused; a new login is needed (handled internally; raised only if that also fails). */
    REAUTHORIZATION_REQUIRED,
    /** HTTP 429 (quota policy exceeded) persisted after every retry. */
    THROTTLED,
    /** ION answered 400: the message or its parts are invalid. Retrying the same message cannot help. */
    INVALID_MESSAGE,
    /** The ION or .ionapi set-up is wrong or incomplete (401/403/412, missing .ionapi key); the message says what. */
    CONFIGURATION,
    /** The requested record does not exist (M3 answered with no record, or a code is unknown). */
    NOT_FOUND,
    /** The payload is larger than the configured maximum; refused before any network call. */
    PAYLOAD_TOO_LARGE,
    /** A caller's input model is inconsistent (e.g. an unbalanced journal entry, a missing field). */
    INVALID_INPUT,
    /** The M3 API answered with an errorMessage (the vendor code carries the program/transaction). */
    M3_ERROR
}
