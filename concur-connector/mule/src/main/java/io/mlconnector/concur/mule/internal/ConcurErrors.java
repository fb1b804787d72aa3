package io.mlconnector.concur.mule.internal;

import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.mule.api.ConcurError;
import org.mule.runtime.extension.api.exception.ModuleException;

/** Translates the core's typed failures into Mule errors; the message is the core's (it never holds a secret). */
final class ConcurErrors {
    private ConcurErrors() {
    }

    static ModuleException toModuleException(ConcurException e) {
        return new ModuleException(e.getMessage(), ConcurError.of(e.type()), e);
    }
}
