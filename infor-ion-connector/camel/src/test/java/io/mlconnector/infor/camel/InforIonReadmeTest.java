package io.mlconnector.infor.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The component's README documents every option and header the generated catalog lists. */
class InforIonReadmeTest {
    @Test
    void readmeListsEveryOptionAndHeaderOfTheCatalog() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> names = new ArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            JsonObject schema = (JsonObject) Jsoner.deserialize(
                    PluginHelper.getRuntimeCamelCatalog(camel).componentJSonSchema("infor-ion"));
            names.addAll(((JsonObject) schema.get("componentProperties")).keySet());
            names.addAll(((JsonObject) schema.get("properties")).keySet());
            names.addAll(((JsonObject) schema.get("headers")).keySet());
        }

        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(readme).contains("| `" + name + "` |"));
    }
}
