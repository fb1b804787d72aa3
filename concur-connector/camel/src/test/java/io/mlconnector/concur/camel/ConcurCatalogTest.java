package io.mlconnector.concur.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated catalog metadata: what Camel tooling (the catalog, Kaoto, Karavan, Camel JBang) sees of the
 * {@code concur:} component, and that Camel itself checks URIs against it.
 */
class ConcurCatalogTest {
    private CamelContext camel;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void typoedOptionIsRefusedByTheCatalog() throws Exception {
        // given a URI with docType misspelt
        RuntimeCamelCatalog catalog = PluginHelper.getRuntimeCamelCatalog(camel);
        String uri = "concur:fis-document?dcoType=expense";

        // when the catalog validates it
        EndpointValidationResult result = catalog.validateProperties("concur", catalog.endpointProperties(uri));

        // then it names the unknown option
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("dcoType");
        assertThat(result.summaryErrorMessage(false)).contains("dcoType", "Unknown option");
    }

    @Test
    void typoedOptionIsRefusedWhenARouteResolvesTheEndpoint() {
        // when / then: Camel refuses the endpoint with its own error, naming the option
        assertThatThrownBy(() -> camel.getEndpoint("concur:fis-document?dcoType=expense"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Unknown parameters=[{dcoType=expense}]");
    }

    @Test
    void operationIsCheckedAgainstTheNamesUrisUse() throws Exception {
        RuntimeCamelCatalog catalog = PluginHelper.getRuntimeCamelCatalog(camel);

        EndpointValidationResult good = catalog.validateProperties("concur",
                catalog.endpointProperties("concur:fis-document?docType=expense"));
        EndpointValidationResult typo = catalog.validateProperties("concur",
                catalog.endpointProperties("concur:fis-documnt"));
        EndpointValidationResult badDocType = catalog.validateProperties("concur",
                catalog.endpointProperties("concur:fis-document?docType=expenses"));

        assertThat(good.isSuccess()).as(good.summaryErrorMessage(false)).isTrue();
        assertThat(typo.getInvalidEnum()).containsEntry("operation", "fis-documnt");
        assertThat(badDocType.getInvalidEnum()).containsEntry("docType", "expenses");
    }

    @Test
    void catalogJsonListsTheEndpointOptionsHeadersAndComponentSettings() throws Exception {
        // when a tool reads the component's JSON schema
        String json = PluginHelper.getRuntimeCamelCatalog(camel).componentJSonSchema("concur");
        JsonObject schema = (JsonObject) Jsoner.deserialize(json);

        // then it finds the operations, the options with their help text, the secrets marked, and the headers
        JsonObject properties = (JsonObject) schema.get("properties");
        Collection<Object> operations = ((JsonObject) properties.get("operation")).getCollection("enum");
        assertThat(operations).contains("fis-document", "acknowledge", "confirm-posting", "webhook");
        assertThat(properties.keySet()).contains("docType", "ignoreDocumentStatus", "publicKeyFiles", "clientId");
        assertThat(((JsonObject) properties.get("docType")).getString("description")).contains("FIS document type");
        JsonObject componentProperties = (JsonObject) schema.get("componentProperties");
        assertThat(componentProperties.keySet()).contains("clientId", "clientSecret", "companyId", "requestToken",
                "tokenStore", "connection");
        assertThat(((JsonObject) componentProperties.get("clientSecret")).getBoolean("secret")).isTrue();
        assertThat(((JsonObject) schema.get("headers")).keySet()).contains(ConcurHeaders.FIS_DOC_TYPE,
                ConcurHeaders.FIS_DOCUMENT_ID, ConcurHeaders.EVENT_ID);
    }

    @Test
    void componentSettingsComeFromApplicationProperties() throws Exception {
        // given camel-main configured only by properties, as in an application.properties
        Main main = new Main();
        Map.of("camel.component.concur.client-id", "the-client",
                "camel.component.concur.client-secret", "the-secret",
                "camel.component.concur.company-id", "the-company",
                "camel.component.concur.read-timeout", "15s").forEach(main::addInitialProperty);
        main.start();
        try {
            // when a route's endpoint is created
            CamelContext context = main.getCamelContext();
            ConcurEndpoint endpoint = context.getEndpoint("concur:fis-document?docType=expense&systemId=ERP-2",
                    ConcurEndpoint.class);

            // then it has its own copy of the component's settings, with what its URI overrides
            assertThat(endpoint.getConfiguration().getClientId()).isEqualTo("the-client");
            assertThat(endpoint.getConfiguration().getReadTimeout()).isEqualTo(15_000L);
            assertThat(endpoint.getConfiguration().getSystemId()).isEqualTo("ERP-2");
            assertThat(context.getComponent("concur", ConcurComponent.class).getConfiguration().getSystemId())
                    .isEmpty();
        } finally {
            main.stop();
        }
    }
}
