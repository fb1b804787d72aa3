package io.mlconnector.infor.mule;

import io.mlconnector.concur.mule.ExtensionModels;
import io.mlconnector.concur.mule.MuleExtensionModels;
import io.mlconnector.infor.api.CallPacer;
import io.mlconnector.infor.api.GrantType;
import io.mlconnector.infor.api.InforIonErrorType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mule.metadata.api.annotation.EnumAnnotation;
import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.api.meta.model.config.ConfigurationModel;
import org.mule.runtime.api.meta.model.connection.ConnectionProviderModel;
import org.mule.runtime.api.meta.model.operation.OperationModel;

import java.util.Arrays;

import static io.mlconnector.concur.mule.ExtensionModels.config;
import static io.mlconnector.concur.mule.ExtensionModels.declaredParameters;
import static io.mlconnector.concur.mule.ExtensionModels.error;
import static io.mlconnector.concur.mule.ExtensionModels.errors;
import static io.mlconnector.concur.mule.ExtensionModels.isPassword;
import static io.mlconnector.concur.mule.ExtensionModels.names;
import static io.mlconnector.concur.mule.ExtensionModels.operation;
import static io.mlconnector.concur.mule.ExtensionModels.parameter;
import static io.mlconnector.concur.mule.ExtensionModels.provider;
import static org.assertj.core.api.Assertions.assertThat;

/** The infor-ion: extension as Mule's own Java loader sees it. */
class InforIonExtensionModelTest {
    private static ExtensionModel model;
    private static ConfigurationModel config;

    @BeforeAll
    static void load() {
        model = MuleExtensionModels.load(InforIonExtension.class, "0.1.0");
        config = config(model, "config");
    }

    @Test
    void extensionIsTheInforIonNamespaceWithOneConfiguration() {
        assertThat(model.getName()).isEqualTo("Infor ION");
        assertThat(model.getXmlDslModel().getPrefix()).isEqualTo("infor-ion");
        assertThat(names(model.getConfigurationModels())).containsExactly("config");
        assertThat(config.getSourceModels()).isEmpty();
    }

    @Test
    void ionapiConnectionProviderTakesTheFileOrItsContentAsAPassword() {
        ConnectionProviderModel ionapi = provider(config, "ionapi");
        assertThat(declaredParameters(ionapi)).containsExactly("ionapiFile", "ionapiContent", "fromLogicalId",
                "toLogicalId", "grantType", "maxMessageBytes", "maxAttempts", "requestTimeoutSeconds", "callsPerMinute");
        assertThat(isPassword(parameter(ionapi, "ionapiContent"))).isTrue();
        assertThat(parameter(ionapi, "ionapiFile").isRequired()).isFalse();
        assertThat(parameter(ionapi, "fromLogicalId").isRequired()).isTrue();
        assertThat(parameter(ionapi, "toLogicalId").getDefaultValue()).isEqualTo("lid://default");
        assertThat(parameter(ionapi, "maxMessageBytes").getDefaultValue()).isEqualTo("5242880");
        assertThat(parameter(ionapi, "callsPerMinute").getDefaultValue())
                .isEqualTo(Integer.toString(CallPacer.ESSENTIALS_CALLS_PER_MINUTE));
        assertThat(parameter(ionapi, "grantType").getType().getAnnotation(EnumAnnotation.class))
                .hasValueSatisfying(values -> assertThat(values.getValues()).containsExactlyInAnyOrder(
                        Arrays.stream(GrantType.values()).map(Enum::name).toArray()));
    }

    @Test
    void operationsPostBodsAndM3Invoices() {
        assertThat(names(config.getOperationModels())).containsExactly("addSupplierInvoice", "findSupplierInvoice",
                "ping", "postMessage");
    }

    @Test
    void postMessageTakesTheBodAsContentWithItsImsParameters() {
        OperationModel post = operation(config, "postMessage");
        assertThat(declaredParameters(post)).containsExactly("bod", "documentName", "documentId",
                "accountingEntity", "variationId");
        assertThat(parameter(post, "documentName").isRequired()).isTrue();
        assertThat(parameter(post, "variationId").getDefaultValue()).isEqualTo("1");
        assertThat(errors(post)).contains("INFOR-ION:PAYLOAD_TOO_LARGE", "INFOR-ION:INVALID_MESSAGE",
                "INFOR-ION:THROTTLED", "INFOR-ION:CONNECTIVITY").doesNotContain("INFOR-ION:M3_ERROR");
    }

    @Test
    void m3OperationsRaiseM3ErrorsAndFindRaisesNotFound() {
        assertThat(declaredParameters(operation(config, "addSupplierInvoice"))).containsExactly("invoice");
        assertThat(declaredParameters(operation(config, "findSupplierInvoice")))
                .containsExactly("payee", "supplier", "invoiceNumber");
        assertThat(errors(operation(config, "addSupplierInvoice"))).contains("INFOR-ION:M3_ERROR",
                "INFOR-ION:INVALID_INPUT").doesNotContain("INFOR-ION:PAYLOAD_TOO_LARGE");
        assertThat(errors(operation(config, "findSupplierInvoice"))).contains("INFOR-ION:NOT_FOUND");
    }

    @Test
    void everyCoreErrorTypeIsAnInforIonErrorAndTransientOnesAreConnectivity() {
        for (InforIonErrorType type : InforIonErrorType.values()) {
            assertThat(error(model, "INFOR-ION:" + type.name())).isNotNull();
        }
        assertThat(error(model, "INFOR-ION:CONNECTIVITY").getParent()).hasValueSatisfying(
                parent -> assertThat(ExtensionModels.name(parent)).isEqualTo("MULE:CONNECTIVITY"));
        assertThat(error(model, "INFOR-ION:THROTTLED").getParent()).hasValueSatisfying(
                parent -> assertThat(ExtensionModels.name(parent)).isEqualTo("MULE:RETRY_EXHAUSTED"));
    }
}
