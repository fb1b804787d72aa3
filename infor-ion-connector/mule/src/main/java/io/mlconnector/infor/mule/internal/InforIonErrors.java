package io.mlconnector.infor.mule.internal;

import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.mule.api.InforIonError;
import org.mule.runtime.extension.api.exception.ModuleException;

/** Translates the core's typed failures into Mule errors; the message is the core's (it never holds a secret). */
final class InforIonErrors {
    private InforIonErrors() {
    }

    static ModuleException toModuleException(InforIonException e) {
        return new ModuleException(e.getMessage(), InforIonError.of(e.type()), e);
    }

    /** Runs a core call, turning its typed failure into the Mule error of the same type. */
    static <T> T call(CoreCall<T> call) {
        try {
            return call.run();
        } catch (InforIonException e) {
            throw toModuleException(e);
        }
    }

    @FunctionalInterface
    interface CoreCall<T> {
        T run();
    }
}
