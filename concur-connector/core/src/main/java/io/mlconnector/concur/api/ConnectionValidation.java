package io.mlconnector.concur.api;

import java.util.Optional;

/** The outcome of {@link ConcurConnectionProvider#validate}: the ping result, or the typed failure. */
public record ConnectionValidation(ConcurPingResult ping, ConcurException failure) {

    public boolean isValid() {
        return failure == null;
    }

    public Optional<ConcurErrorType> errorType() {
        return Optional.ofNullable(failure).map(ConcurException::type);
    }
}
