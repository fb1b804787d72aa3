package io.mlconnector.concur.mule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.extension.api.persistence.ExtensionModelJsonSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the files the mule-plugin jar carries, from the test classpath (target/classes). */
public final class PluginDescriptors {
    public static final String MULE_ARTIFACT = "META-INF/mule-artifact/mule-artifact.json";
    public static final String EXTENSION_MODEL = "META-INF/mule-artifact/extension-model.json";

    private PluginDescriptors() {
    }

    public static JsonNode muleArtifact(Class<?> extension) throws IOException {
        return new ObjectMapper().readTree(resource(extension, MULE_ARTIFACT));
    }

    /** The ExtensionModel the build wrote into the plugin, read back with Mule's own serializer. */
    public static ExtensionModel writtenExtensionModel(Class<?> extension) throws IOException {
        return new ExtensionModelJsonSerializer().deserialize(
                new String(resource(extension, EXTENSION_MODEL), StandardCharsets.UTF_8));
    }

    public static byte[] resource(Class<?> extension, String path) throws IOException {
        try (InputStream in = extension.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError(path + " is not in the build output of " + extension.getName());
            }
            return in.readAllBytes();
        }
    }
}
