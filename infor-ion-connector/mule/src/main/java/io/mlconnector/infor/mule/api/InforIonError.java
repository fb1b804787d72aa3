package io.mlconnector.infor.mule.api;

import io.mlconnector.infor.api.InforIonErrorType;
import org.mule.runtime.extension.api.error.ErrorTypeDefinition;
import org.mule.runtime.extension.api.error.MuleErrors;

import java.util.Optional;

/**
 * The Infor ION error types as Mule sees them ({@code INFOR-ION:THROTTLED} …), one per {@link InforIonErrorType}.
 * Connectivity failures are children of Mule's {@code CONNECTIVITY}; throttling that outlasted the connector's
 * retries is a child of {@code RETRY_EXHAUSTED}.
 */
public enum InforIonError implements ErrorTypeDefinition<InforIonError> {
    CONNECTIVITY(MuleErrors.CONNECTIVITY),
    UNAUTHORIZED(null),
    REAUTHORIZATION_REQUIRED(null),
    THROTTLED(MuleErrors.RETRY_EXHAUSTED),
    INVALID_MESSAGE(null),
    CONFIGURATION(null),
    NOT_FOUND(null),
    PAYLOAD_TOO_LARGE(null),
    INVALID_INPUT(null),
    M3_ERROR(null);

    private final ErrorTypeDefinition<? extends Enum<?>> parent;

    InforIonError(ErrorTypeDefinition<? extends Enum<?>> parent) {
        this.parent = parent;
    }

    @Override
    public Optional<ErrorTypeDefinition<? extends Enum<?>>> getParent() {
        return Optional.ofNullable(parent);
    }

    /** The Mule error type of a core error type. */
    public static InforIonError of(InforIonErrorType type) {
        return switch (type) {
            case CONNECTIVITY -> CONNECTIVITY;
            case UNAUTHORIZED -> UNAUTHORIZED;
            case REAUTHORIZATION_REQUIRED -> REAUTHORIZATION_REQUIRED;
            case THROTTLED -> THROTTLED;
            case INVALID_MESSAGE -> INVALID_MESSAGE;
            case CONFIGURATION -> CONFIGURATION;
            case NOT_FOUND -> NOT_FOUND;
            case PAYLOAD_TOO_LARGE -> PAYLOAD_TOO_LARGE;
            case INVALID_INPUT -> INVALID_INPUT;
            case M3_ERROR -> M3_ERROR;
        };
    }
}
