package io.mlconnector.concur.mule;

import io.mlconnector.concur.mule.broken.BrokenExtensions;
import org.junit.jupiter.api.Test;
import org.mule.runtime.extension.api.exception.IllegalModelDefinitionException;
import org.mule.runtime.extension.api.loader.ExtensionModelLoader;
import org.mule.runtime.module.extension.api.loader.java.DefaultJavaExtensionModelLoader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mule's loader is really the judge: it refuses broken declarations, and the one validator left out is left out for
 * the documented reason only.
 */
class MuleExtensionModelLoaderTest {

    @Test
    void stockLoaderFailsOnJava17InTheXmlDslResolver() {
        // the evidence for leaving NameClashModelValidator out; when a newer Mule API fixes the resolver this test
        // fails, and MuleExtensionModels should then load with every validator
        assertThatThrownBy(() -> MuleExtensionModels.load(new DefaultJavaExtensionModelLoader(),
                ConcurExtension.class, "0.1.0"))
                .isInstanceOf(ConcurrentModificationException.class)
                .satisfies(e -> assertThat(Arrays.stream(e.getStackTrace()).map(StackTraceElement::getClassName))
                        .contains("org.mule.runtime.extension.api.dsl.syntax.XmlDslSyntaxResolver",
                                "org.mule.runtime.extension.internal.loader.validator.NameClashModelValidator"));
    }

    @Test
    void onlyTheNameClashValidatorIsLeftOut() {
        List<String> stock = MuleExtensionModels.validatorNames(new DefaultJavaExtensionModelLoader());
        ExtensionModelLoader configured =
                MuleExtensionModels.withoutNameClashValidator(new DefaultJavaExtensionModelLoader());

        List<String> expected = new ArrayList<>(stock);
        expected.remove(MuleExtensionModels.NAME_CLASH_VALIDATOR);
        assertThat(MuleExtensionModels.validatorNames(configured)).isEqualTo(expected)
                .contains("ParameterModelValidator", "OperationModelValidator", "ConnectionProviderNameModelValidator",
                        "SubtypesModelValidator");
    }

    @Test
    void mapParameterKeyedByAnythingButStringIsRefused() {
        assertThatThrownBy(() -> MuleExtensionModels.load(BrokenExtensions.MapKeyedByEnum.class, "0.1.0"))
                .isInstanceOf(IllegalModelDefinitionException.class)
                .hasMessageContaining("linesByError").hasMessageContaining("key type is not java.lang.String");
    }

    @Test
    void parameterTypeMuleCannotDescribeIsRefused() {
        assertThatThrownBy(() -> MuleExtensionModels.load(BrokenExtensions.PojoWithoutGetters.class, "0.1.0"))
                .isInstanceOf(IllegalModelDefinitionException.class)
                .hasMessageContaining("postDocument").hasMessageContaining("lineCount").hasMessageContaining("getter");
    }

    @Test
    void textOutputWithoutMediaTypeIsRefused() {
        assertThatThrownBy(() -> MuleExtensionModels.load(BrokenExtensions.TextWithoutMediaType.class, "0.1.0"))
                .isInstanceOf(IllegalModelDefinitionException.class)
                .hasMessageContaining("fetchDocument").hasMessageContaining("mime type");
    }

    @Test
    void operationRaisingAnUndeclaredErrorTypeIsRefused() {
        assertThatThrownBy(() -> MuleExtensionModels.load(BrokenExtensions.UndeclaredError.class, "0.1.0"))
                .isInstanceOf(IllegalModelDefinitionException.class)
                .hasMessageContaining("Invalid operation throws")
                .hasMessageContaining(io.mlconnector.concur.mule.api.ConcurError.class.getName());
    }
}
