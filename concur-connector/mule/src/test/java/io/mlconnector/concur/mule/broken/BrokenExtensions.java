package io.mlconnector.concur.mule.broken;

import io.mlconnector.concur.mule.api.ConcurError;
import org.mule.runtime.extension.api.annotation.Extension;
import org.mule.runtime.extension.api.annotation.Operations;
import org.mule.runtime.extension.api.annotation.dsl.xml.Xml;
import org.mule.runtime.extension.api.annotation.error.ErrorTypeProvider;
import org.mule.runtime.extension.api.annotation.error.ErrorTypes;
import org.mule.runtime.extension.api.annotation.error.Throws;
import org.mule.runtime.extension.api.error.ErrorTypeDefinition;

import java.util.Map;
import java.util.Set;

/**
 * Test-only extensions, each with one declaration mistake Mule's loader must refuse. They mirror mistakes the real
 * extensions could make: a parameter of a type Mule cannot describe, an output without a media type, an operation
 * raising an error type the extension does not declare.
 */
public final class BrokenExtensions {
    private BrokenExtensions() {
    }

    @Extension(name = "Broken Map Key")
    @Xml(prefix = "broken-map-key")
    @Operations(MapKeyedByEnumOperations.class)
    public static class MapKeyedByEnum {
    }

    public static class MapKeyedByEnumOperations {
        /** Mule maps are keyed by strings (they become XML attributes or DataWeave object keys). */
        public void postLines(Map<ConcurError, String> linesByError) {
        }
    }

    @Extension(name = "Broken Pojo")
    @Xml(prefix = "broken-pojo")
    @Operations(PojoWithoutGettersOperations.class)
    public static class PojoWithoutGetters {
    }

    public static class PojoWithoutGettersOperations {
        public void postDocument(Chunk chunk) {
        }
    }

    /** A getter without a field: Mule cannot tell which parameter it stands for, so it cannot describe the type. */
    public static class Chunk {
        private String documentId;

        public String getDocumentId() {
            return documentId;
        }

        public int getLineCount() {
            return 0;
        }
    }

    @Extension(name = "Broken Media Type")
    @Xml(prefix = "broken-media-type")
    @Operations(TextWithoutMediaTypeOperations.class)
    public static class TextWithoutMediaType {
    }

    public static class TextWithoutMediaTypeOperations {
        /** A String output must say its media type (@MediaType), or DataWeave cannot read it. */
        public String fetchDocument(String docId) {
            return docId;
        }
    }

    @Extension(name = "Broken Errors")
    @Xml(prefix = "broken-errors")
    @Operations(UndeclaredErrorOperations.class)
    @ErrorTypes(DeclaredError.class)
    public static class UndeclaredError {
    }

    public enum DeclaredError implements ErrorTypeDefinition<DeclaredError> {
        INVALID_MESSAGE
    }

    public static class UndeclaredErrorOperations {
        @Throws(RaisesUndeclared.class)
        public void acknowledge(String fisDocumentId) {
        }
    }

    /** Lists a Concur error type that the extension's @ErrorTypes enum does not hold. */
    public static class RaisesUndeclared implements ErrorTypeProvider {
        @Override
        public Set<ErrorTypeDefinition> getErrorTypes() {
            return Set.of(ConcurError.RECALLED);
        }
    }
}
