package io.mlconnector.concur.mule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.extension.api.persistence.ExtensionModelJsonSerializer;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Reads the files the mule-plugin jar carries, from the extension's build output (target/classes). */
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

    /**
     * A file beside the extension's classes (its own build output or jar): every plugin has a
     * {@code META-INF/mule-artifact/mule-artifact.json}, so the class loader alone could answer another plugin's.
     */
    public static byte[] resource(Class<?> extension, String path) throws IOException {
        URL classes = extension.getProtectionDomain().getCodeSource().getLocation();
        URL file = classes.getPath().endsWith(".jar") ? new URL("jar:" + classes + "!/" + path)
                : new URL(classes, path);
        try (InputStream in = file.openStream()) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            throw new AssertionError(path + " is not in the build output of " + extension.getName(), e);
        }
    }
}
