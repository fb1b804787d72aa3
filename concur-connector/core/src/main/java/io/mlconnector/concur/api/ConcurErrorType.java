package io.mlconnector.concur.api;

/**
 * The error types the Concur connector raises. Callers branch on the type, never on the message text.
 */
public enum ConcurErrorType {
    /** The Concur host could not be reached, or the connection broke (retryable). */
    CONNECTIVITY(true),
    /** Concur did not answer within the read timeout (retryable). */
    TIMEOUT(true),
    /** 429 Too Many Requests still after the configured retries, or a Retry-After longer than allowed (retryable later). */
    THROTTLED(true),
    /** 503 maintenance or 5xx still after the configured retries (retryable later). */
    SERVICE_UNAVAILABLE(true),
    /** The access token was refused even after one fresh token (HTTP 401). */
    UNAUTHORIZED(false),
    /** The token is valid but lacks the scope or the company is not authorised (HTTP 403). */
    FORBIDDEN(false),
    /** The refresh token is bad, expired or revoked (OAuth code 108), or no token state and no request token exist:
     *  an administrator must generate a new company request token
     *  (https://developer.concur.com/api-reference/authentication/company-refresh-tool.html). */
    REAUTHORIZATION_REQUIRED(false),
    /**
     * Any other OAuth error; the exception carries Concur's code and description
     * (https://developer.concur.com/api-reference/authentication/apidoc.html).
     */
    AUTHENTICATION_FAILED(false),
    /** The FIS document was recalled (codes 102/112): it must not be posted. */
    RECALLED(false),
    /** The resource does not exist (HTTP 404). */
    NOT_FOUND(false),
    /** Concur rejected the request as malformed (HTTP 400 and other 4xx). */
    BAD_REQUEST(false),
    /** A webhook delivery or a Concur answer could not be parsed. */
    INVALID_MESSAGE(false),
    /** The connector is configured wrongly (missing setting, unreadable key file, bad URI). */
    CONFIGURATION(false);

    private final boolean retryable;

    ConcurErrorType(boolean retryable) {
        this.retryable = retryable;
    }

    /** True when trying the same call again later can succeed. */
    public boolean isRetryable() {
        return retryable;
    }
}
