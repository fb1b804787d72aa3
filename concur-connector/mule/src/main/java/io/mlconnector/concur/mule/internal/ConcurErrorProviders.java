package io.mlconnector.concur.mule.internal;

import io.mlconnector.concur.mule.api.ConcurError;
import org.mule.runtime.extension.api.annotation.error.ErrorTypeProvider;
import org.mule.runtime.extension.api.error.ErrorTypeDefinition;

import java.util.HashSet;
import java.util.Set;

import static io.mlconnector.concur.mule.api.ConcurError.AUTHENTICATION_FAILED;
import static io.mlconnector.concur.mule.api.ConcurError.BAD_REQUEST;
import static io.mlconnector.concur.mule.api.ConcurError.CONFIGURATION;
import static io.mlconnector.concur.mule.api.ConcurError.CONNECTIVITY;
import static io.mlconnector.concur.mule.api.ConcurError.FORBIDDEN;
import static io.mlconnector.concur.mule.api.ConcurError.INVALID_MESSAGE;
import static io.mlconnector.concur.mule.api.ConcurError.NOT_FOUND;
import static io.mlconnector.concur.mule.api.ConcurError.REAUTHORIZATION_REQUIRED;
import static io.mlconnector.concur.mule.api.ConcurError.RECALLED;
import static io.mlconnector.concur.mule.api.ConcurError.SERVICE_UNAVAILABLE;
import static io.mlconnector.concur.mule.api.ConcurError.THROTTLED;
import static io.mlconnector.concur.mule.api.ConcurError.TIMEOUT;
import static io.mlconnector.concur.mule.api.ConcurError.UNAUTHORIZED;

/** The error types each Concur operation can raise, as its javadoc in the core lists them. */
public final class ConcurErrorProviders {
    private ConcurErrorProviders() {
    }

    /** What any authenticated call to Concur can raise. */
    private static final Set<ConcurError> CALL = Set.of(UNAUTHORIZED, FORBIDDEN, REAUTHORIZATION_REQUIRED,
            AUTHENTICATION_FAILED, CONNECTIVITY, TIMEOUT, THROTTLED, SERVICE_UNAVAILABLE);

    public static final class PingErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return Set.copyOf(CALL);
        }
    }

    public static final class VerifyErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return Set.of(UNAUTHORIZED, INVALID_MESSAGE, CONFIGURATION);
        }
    }

    public static final class FisReadErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return with(BAD_REQUEST, INVALID_MESSAGE, NOT_FOUND);
        }
    }

    public static final class AcknowledgeErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return with(BAD_REQUEST, INVALID_MESSAGE, RECALLED);
        }
    }

    public static final class FisWriteErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return with(BAD_REQUEST, INVALID_MESSAGE);
        }
    }

    private static Set<ErrorTypeDefinition> with(ConcurError... more) {
        Set<ErrorTypeDefinition> all = new HashSet<>(CALL);
        all.addAll(Set.of(more));
        return all;
    }
}
