package io.mlconnector.concur.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The one exception of the Concur connector. It carries the {@link ConcurErrorType}, and where Concur said so, its
 * numeric code, the HTTP status and the {@code concur-correlationid}. Messages never contain secrets.
 */
public class ConcurException extends RuntimeException {
    private final ConcurErrorType type;
    private final Integer concurCode;
    private final int httpStatus;
    private final String correlationId;
    private final Duration retryAfter;

    public ConcurException(ConcurErrorType type, String message) {
        this(type, message, null, 0, null, null, null);
    }

    public ConcurException(ConcurErrorType type, String message, Throwable cause) {
        this(type, message, null, 0, null, null, cause);
    }

    public ConcurException(ConcurErrorType type, String message, Integer concurCode, int httpStatus,
                           String correlationId, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.concurCode = concurCode;
        this.httpStatus = httpStatus;
        this.correlationId = correlationId;
        this.retryAfter = retryAfter;
    }

    public ConcurErrorType type() {
        return type;
    }

    /** Concur's numeric error code (OAuth code or FIS service code), if the answer carried one. */
    public Optional<Integer> concurCode() {
        return Optional.ofNullable(concurCode);
    }

    /** The HTTP status Concur answered, 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The concur-correlationid of the failed call (the one sent, or the one Concur answered). */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }

    /** How long Concur asked to wait (Retry-After) when the type is THROTTLED or SERVICE_UNAVAILABLE. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isRetryable() {
        return type.isRetryable();
    }

    @Override
    public String getMessage() {
        return "[" + type + (concurCode == null ? "" : " code=" + concurCode)
                + (httpStatus == 0 ? "" : " http=" + httpStatus)
                + (correlationId == null ? "" : " concur-correlationid=" + correlationId) + "] " + super.getMessage();
    }
}
