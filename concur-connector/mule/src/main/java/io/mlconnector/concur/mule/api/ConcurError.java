package io.mlconnector.concur.mule.api;

import io.mlconnector.concur.api.ConcurErrorType;
import org.mule.runtime.extension.api.error.ErrorTypeDefinition;
import org.mule.runtime.extension.api.error.MuleErrors;

import java.util.Optional;

/**
 * The Concur error types as Mule sees them ({@code CONCUR:THROTTLED} …), one per {@link ConcurErrorType}. Transient
 * failures are children of Mule's {@code CONNECTIVITY} (so reconnection strategies and {@code until-successful} apply);
 * throttling that outlasted the connector's retries is a child of {@code RETRY_EXHAUSTED}.
 */
public enum ConcurError implements ErrorTypeDefinition<ConcurError> {
    CONNECTIVITY(MuleErrors.CONNECTIVITY),
    TIMEOUT(MuleErrors.CONNECTIVITY),
    THROTTLED(MuleErrors.RETRY_EXHAUSTED),
    SERVICE_UNAVAILABLE(MuleErrors.CONNECTIVITY),
    UNAUTHORIZED(null),
    FORBIDDEN(null),
    REAUTHORIZATION_REQUIRED(null),
    AUTHENTICATION_FAILED(null),
    RECALLED(null),
    NOT_FOUND(null),
    BAD_REQUEST(null),
    INVALID_MESSAGE(null),
    CONFIGURATION(null);

    private final ErrorTypeDefinition<? extends Enum<?>> parent;

    ConcurError(ErrorTypeDefinition<? extends Enum<?>> parent) {
        this.parent = parent;
    }

    @Override
    public Optional<ErrorTypeDefinition<? extends Enum<?>>> getParent() {
        return Optional.ofNullable(parent);
    }

    /** The Mule error type of a core error type. */
    public static ConcurError of(ConcurErrorType type) {
        return switch (type) {
            case CONNECTIVITY -> CONNECTIVITY;
            case TIMEOUT -> TIMEOUT;
            case THROTTLED -> THROTTLED;
            case SERVICE_UNAVAILABLE -> SERVICE_UNAVAILABLE;
            case UNAUTHORIZED -> UNAUTHORIZED;
            case FORBIDDEN -> FORBIDDEN;
            case REAUTHORIZATION_REQUIRED -> REAUTHORIZATION_REQUIRED;
            case AUTHENTICATION_FAILED -> AUTHENTICATION_FAILED;
            case RECALLED -> RECALLED;
            case NOT_FOUND -> NOT_FOUND;
            case BAD_REQUEST -> BAD_REQUEST;
            case INVALID_MESSAGE -> INVALID_MESSAGE;
            case CONFIGURATION -> CONFIGURATION;
        };
    }
}
