package io.mlconnector.infor.mule.internal;

import io.mlconnector.infor.mule.api.InforIonError;
import org.mule.runtime.extension.api.annotation.error.ErrorTypeProvider;
import org.mule.runtime.extension.api.error.ErrorTypeDefinition;

import java.util.HashSet;
import java.util.Set;

import static io.mlconnector.infor.mule.api.InforIonError.CONFIGURATION;
import static io.mlconnector.infor.mule.api.InforIonError.CONNECTIVITY;
import static io.mlconnector.infor.mule.api.InforIonError.INVALID_INPUT;
import static io.mlconnector.infor.mule.api.InforIonError.INVALID_MESSAGE;
import static io.mlconnector.infor.mule.api.InforIonError.M3_ERROR;
import static io.mlconnector.infor.mule.api.InforIonError.NOT_FOUND;
import static io.mlconnector.infor.mule.api.InforIonError.PAYLOAD_TOO_LARGE;
import static io.mlconnector.infor.mule.api.InforIonError.REAUTHORIZATION_REQUIRED;
import static io.mlconnector.infor.mule.api.InforIonError.THROTTLED;
import static io.mlconnector.infor.mule.api.InforIonError.UNAUTHORIZED;

/** The error types each Infor ION operation can raise, as its javadoc in the core lists them. */
public final class InforIonErrorProviders {
    private InforIonErrorProviders() {
    }

    /** What any call through the gateway can raise: login, set-up, throttling, connectivity. */
    private static final Set<InforIonError> CALL = Set.of(UNAUTHORIZED, REAUTHORIZATION_REQUIRED, CONFIGURATION,
            THROTTLED, CONNECTIVITY);

    public static final class PingErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return with();
        }
    }

    public static final class PostMessageErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return with(PAYLOAD_TOO_LARGE, INVALID_MESSAGE, INVALID_INPUT);
        }
    }

    public static final class M3WriteErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return with(M3_ERROR, INVALID_INPUT);
        }
    }

    public static final class M3ReadErrors implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return with(M3_ERROR, NOT_FOUND);
        }
    }

    private static Set<ErrorTypeDefinition> with(InforIonError... more) {
        Set<ErrorTypeDefinition> all = new HashSet<>(CALL);
        all.addAll(Set.of(more));
        return all;
    }
}
