package io.mlconnector.infor.mule;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.mule.MuleExtensionModels;
import io.mlconnector.concur.mule.PluginDescriptors;
import org.junit.jupiter.api.Test;
import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.api.meta.model.config.ConfigurationModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.mlconnector.concur.mule.ExtensionModels.config;
import static io.mlconnector.concur.mule.ExtensionModels.declaredParameters;
import static io.mlconnector.concur.mule.ExtensionModels.errorNames;
import static io.mlconnector.concur.mule.ExtensionModels.names;
import static io.mlconnector.concur.mule.ExtensionModels.operation;
import static org.assertj.core.api.Assertions.assertThat;

/** What the Infor ION mule-plugin jar carries: its descriptor, the ExtensionModel JSON and the icon. */
class InforIonPluginPackagingTest {

    @Test
    void descriptorNamesTheJavaLoaderAndTheExtensionClass() throws IOException, ClassNotFoundException {
        JsonNode descriptor = PluginDescriptors.muleArtifact(InforIonExtension.class);
        JsonNode loader = descriptor.path("extensionModelLoaderDescriptor");

        assertThat(loader.path("id").asText()).isEqualTo("java");
        assertThat(Class.forName(loader.path("attributes").path("type").asText())).isEqualTo(InforIonExtension.class);
        assertThat(loader.path("attributes").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(descriptor.path("minMuleVersion").asText()).isEqualTo("4.9.0");
        assertThat(descriptor.path("classLoaderModelLoaderDescriptor").path("attributes").path("exportedPackages"))
                .extracting(JsonNode::asText).containsExactly("io.mlconnector.infor.mule.api");
    }

    @Test
    void writtenExtensionModelIsTheOneMulesLoaderBuilds() throws IOException {
        ExtensionModel written = PluginDescriptors.writtenExtensionModel(InforIonExtension.class);
        ExtensionModel loaded = MuleExtensionModels.load(InforIonExtension.class, written.getVersion());
        ConfigurationModel writtenConfig = config(written, "config");
        ConfigurationModel loadedConfig = config(loaded, "config");

        assertThat(written.getXmlDslModel().getPrefix()).isEqualTo("infor-ion");
        assertThat(names(writtenConfig.getOperationModels())).isEqualTo(names(loadedConfig.getOperationModels()));
        assertThat(names(writtenConfig.getSourceModels())).isEqualTo(names(loadedConfig.getSourceModels()));
        assertThat(names(writtenConfig.getConnectionProviders()))
                .isEqualTo(names(loadedConfig.getConnectionProviders()));
        for (String name : names(loadedConfig.getOperationModels())) {
            assertThat(declaredParameters(operation(writtenConfig, name)))
                    .isEqualTo(declaredParameters(operation(loadedConfig, name)));
        }
        assertThat(errorNames(written.getErrorModels())).isEqualTo(errorNames(loaded.getErrorModels()));
    }

    @Test
    void iconIsAnSvg() throws IOException {
        String icon = new String(PluginDescriptors.resource(InforIonExtension.class, "icon/icon.svg"),
                StandardCharsets.UTF_8);
        assertThat(icon).startsWith("<svg").contains("</svg>");
    }
}
