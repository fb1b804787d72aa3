package io.mlconnector.infor.camel;

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

/** The generated catalog metadata of the {@code infor-ion:} component, and Camel checking URIs against it. */
class InforIonCatalogTest {
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
    void typoedOptionIsRefusedByTheCatalogAndWhenResolved() throws Exception {
        RuntimeCamelCatalog catalog = PluginHelper.getRuntimeCamelCatalog(camel);

        EndpointValidationResult result = catalog.validateProperties("infor-ion",
                catalog.endpointProperties("infor-ion:post-bod?verbb=SYNC"));

        assertThat(result.getUnknown()).containsExactly("verbb");
        assertThatThrownBy(() -> camel.getEndpoint("infor-ion:post-bod?verbb=SYNC"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Unknown parameters=[{verbb=SYNC}]");
    }

    @Test
    void operationsAreListedAndCheckedByTheNamesUrisUse() throws Exception {
        RuntimeCamelCatalog catalog = PluginHelper.getRuntimeCamelCatalog(camel);
        JsonObject schema = (JsonObject) Jsoner.deserialize(catalog.componentJSonSchema("infor-ion"));
        JsonObject properties = (JsonObject) schema.get("properties");

        Collection<Object> operations = ((JsonObject) properties.get("operation")).getCollection("enum");
        assertThat(operations).containsExactlyInAnyOrder("post-bod", "build-bod", "validate", "ping",
                "accepted-documents", "m3-add-supplier-invoice");
        assertThat(catalog.validateProperties("infor-ion", catalog.endpointProperties("infor-ion:post-bods"))
                .getInvalidEnum()).containsEntry("operation", "post-bods");
        assertThat(((JsonObject) schema.get("componentProperties")).keySet())
                .contains("ionapiFile", "fromLogicalId", "connection", "chartOfAccountsCsv");
        assertThat(((JsonObject) schema.get("headers")).keySet())
                .contains(InforIonHeaders.BOD_ID, InforIonHeaders.MESSAGE_ID, InforIonHeaders.VERB);
    }

    @Test
    void componentSettingsComeFromApplicationProperties() throws Exception {
        // given camel-main configured only by properties, as in an application.properties
        Main main = new Main();
        Map.of("camel.component.infor-ion.ionapi-file", "/secure/tenant.ionapi",
                "camel.component.infor-ion.from-logical-id", "lid://infor.ims.mlconnector",
                "camel.component.infor-ion.to-logical-id", "lid://infor.m3.m3",
                "camel.component.infor-ion.max-message-bytes", "262144").forEach(main::addInitialProperty);
        main.start();
        try {
            // then the component holds them
            InforIonComponent component = main.getCamelContext().getComponent("infor-ion", InforIonComponent.class);
            assertThat(component.getIonapiFile()).isEqualTo("/secure/tenant.ionapi");
            assertThat(component.getFromLogicalId()).isEqualTo("lid://infor.ims.mlconnector");
            assertThat(component.getToLogicalId()).isEqualTo("lid://infor.m3.m3");
            assertThat(component.getMaxMessageBytes()).isEqualTo(262_144L);
        } finally {
            main.stop();
        }
    }
}
