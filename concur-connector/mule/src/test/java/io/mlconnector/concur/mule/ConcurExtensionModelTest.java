package io.mlconnector.concur.mule;

import io.mlconnector.concur.api.CallPacer;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.FisDocType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mule.metadata.api.model.ArrayType;
import org.mule.metadata.api.model.StringType;
import org.mule.metadata.api.annotation.EnumAnnotation;
import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.api.meta.model.config.ConfigurationModel;
import org.mule.runtime.api.meta.model.connection.ConnectionProviderModel;
import org.mule.runtime.api.meta.model.operation.OperationModel;
import org.mule.runtime.api.meta.model.source.SourceModel;

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
import static io.mlconnector.concur.mule.ExtensionModels.source;
import static org.assertj.core.api.Assertions.assertThat;

/** The concur: extension as Mule's own Java loader sees it. */
class ConcurExtensionModelTest {
    private static ExtensionModel model;
    private static ConfigurationModel config;

    @BeforeAll
    static void load() {
        model = MuleExtensionModels.load(ConcurExtension.class, "0.1.0");
        config = config(model, "config");
    }

    @Test
    void extensionIsTheConcurNamespaceWithOneConfiguration() {
        assertThat(model.getName()).isEqualTo("Concur");
        assertThat(model.getXmlDslModel().getPrefix()).isEqualTo("concur");
        assertThat(names(model.getConfigurationModels())).containsExactly("config");
        assertThat(declaredParameters(config)).containsExactly("signaturePublicKeyFiles", "signatureAlgorithm");
        assertThat(parameter(config, "signatureAlgorithm").getDefaultValue()).isEqualTo("SHA256withRSA");
    }

    @Test
    void oauthConnectionProviderTakesTheCredentialsWithSecretsAsPasswords() {
        ConnectionProviderModel oauth = provider(config, "oauth");
        assertThat(names(config.getConnectionProviders())).containsExactly("oauth");
        assertThat(oauth.getParameterGroupModels()).extracting(g -> g.getName())
                .contains("Credentials", "Connection");
        assertThat(declaredParameters(oauth)).containsExactly("clientId", "clientSecret", "companyId",
                "requestToken", "authBaseUri", "systemId", "connectTimeoutSeconds", "readTimeoutSeconds",
                "maxAttempts", "callsPerMinute");
        assertThat(parameter(oauth, "clientId").isRequired()).isTrue();
        assertThat(parameter(oauth, "companyId").isRequired()).isTrue();
        assertThat(parameter(oauth, "requestToken").isRequired()).isFalse();
        assertThat(isPassword(parameter(oauth, "clientSecret"))).isTrue();
        assertThat(isPassword(parameter(oauth, "requestToken"))).isTrue();
        assertThat(isPassword(parameter(oauth, "clientId"))).isFalse();
        assertThat(parameter(oauth, "authBaseUri").getDefaultValue())
                .isEqualTo("https://glz.api.concursolutions.com");
        assertThat(parameter(oauth, "readTimeoutSeconds").getDefaultValue()).isEqualTo("60");
        assertThat(parameter(oauth, "callsPerMinute").getDefaultValue())
                .isEqualTo(Integer.toString(CallPacer.DEFAULT_CALLS_PER_MINUTE));
    }

    @Test
    void operationsAreTheFisStepsOfTheFlow() {
        assertThat(names(config.getOperationModels())).containsExactly("acknowledge", "confirmPosting",
                "getFisDocument", "ping", "verifyEvent");
        assertThat(operation(config, "ping").requiresConnection()).isTrue();
        assertThat(operation(config, "verifyEvent").requiresConnection()).isFalse();
    }

    @Test
    void getFisDocumentTakesTheDocTypeAsAnEnumAndTheBusinessId() {
        OperationModel get = operation(config, "getFisDocument");
        assertThat(declaredParameters(get)).containsExactly("docType", "docId", "ignoreDocumentStatus",
                "correlationId");
        assertThat(parameter(get, "docId").isRequired()).isTrue();
        assertThat(parameter(get, "ignoreDocumentStatus").getDefaultValue()).isEqualTo("false");
        assertThat(parameter(get, "docType").getType().getAnnotation(EnumAnnotation.class))
                .hasValueSatisfying(values -> assertThat(values.getValues())
                        .containsExactlyInAnyOrder(Arrays.stream(FisDocType.values()).map(Enum::name).toArray()));
    }

    @Test
    void acknowledgeTakesAListOfFisIdsAndCanRaiseRecalled() {
        OperationModel acknowledge = operation(config, "acknowledge");
        assertThat(declaredParameters(acknowledge)).containsExactly("docType", "fisDocumentIds", "correlationId");
        assertThat(parameter(acknowledge, "fisDocumentIds").getType()).isInstanceOf(ArrayType.class);
        assertThat(errors(acknowledge)).contains("CONCUR:RECALLED", "CONCUR:THROTTLED", "CONCUR:CONNECTIVITY")
                .doesNotContain("CONCUR:NOT_FOUND");
    }

    @Test
    void confirmPostingTakesErpDocumentsAndAuditMessagesAsChildren() {
        OperationModel confirm = operation(config, "confirmPosting");
        assertThat(declaredParameters(confirm)).containsExactly("docType", "fisDocumentId", "status",
                "postingDocuments", "systemMessages", "correlationId");
        assertThat(parameter(confirm, "postingDocuments").isRequired()).isFalse();
        assertThat(parameter(confirm, "postingDocuments").getDslConfiguration().allowsInlineDefinition()).isTrue();
        assertThat(parameter(confirm, "status").getType().getAnnotation(EnumAnnotation.class))
                .hasValueSatisfying(values -> assertThat(values.getValues()).containsExactly("SUCCESS", "ERROR"));
    }

    @Test
    void verifyEventTakesTheRawBodyAsContentAndRaisesUnauthorizedForABadSignature() {
        OperationModel verify = operation(config, "verifyEvent");
        assertThat(declaredParameters(verify)).containsExactly("body", "signature", "deliveryCorrelationId");
        assertThat(errors(verify)).containsExactlyInAnyOrder("CONCUR:UNAUTHORIZED", "CONCUR:INVALID_MESSAGE",
                "CONCUR:CONFIGURATION");
        assertThat(verify.getOutputAttributes().getType().toString()).contains("ConcurEventAttributes");
    }

    @Test
    void webhookListenerIsASourceWithItsListenAddress() {
        SourceModel listener = source(config, "webhook-listener");
        assertThat(names(config.getSourceModels())).containsExactly("webhook-listener");
        assertThat(declaredParameters(listener)).containsExactly("host", "port", "path", "flowTimeoutSeconds");
        assertThat(parameter(listener, "path").getDefaultValue()).isEqualTo("/concur/events");
        assertThat(listener.getOutput().getType()).isInstanceOf(StringType.class);
        assertThat(listener.getSuccessCallback()).isPresent();
        assertThat(listener.getErrorCallback()).isPresent();
    }

    @Test
    void everyCoreErrorTypeIsAConcurErrorAndTransientOnesAreConnectivity() {
        for (ConcurErrorType type : ConcurErrorType.values()) {
            assertThat(error(model, "CONCUR:" + type.name())).isNotNull();
        }
        assertThat(error(model, "CONCUR:CONNECTIVITY").getParent()).hasValueSatisfying(
                parent -> assertThat(ExtensionModels.name(parent)).isEqualTo("MULE:CONNECTIVITY"));
        assertThat(error(model, "CONCUR:TIMEOUT").getParent()).hasValueSatisfying(
                parent -> assertThat(ExtensionModels.name(parent)).isEqualTo("MULE:CONNECTIVITY"));
        assertThat(error(model, "CONCUR:THROTTLED").getParent()).hasValueSatisfying(
                parent -> assertThat(ExtensionModels.name(parent)).isEqualTo("MULE:RETRY_EXHAUSTED"));
        assertThat(error(model, "CONCUR:RECALLED").getParent()).hasValueSatisfying(
                parent -> assertThat(ExtensionModels.name(parent)).isEqualTo("MULE:ANY"));
    }

    @Test
    void eachOperationDeclaresOnlyTheErrorsItsCoreCallCanRaise() {
        assertThat(errors(operation(config, "ping"))).doesNotContain("CONCUR:RECALLED", "CONCUR:NOT_FOUND",
                "CONCUR:INVALID_MESSAGE");
        assertThat(errors(operation(config, "getFisDocument"))).contains("CONCUR:NOT_FOUND")
                .doesNotContain("CONCUR:RECALLED");
        assertThat(errors(operation(config, "confirmPosting"))).contains("CONCUR:BAD_REQUEST")
                .doesNotContain("CONCUR:RECALLED", "CONCUR:NOT_FOUND");
    }
}
