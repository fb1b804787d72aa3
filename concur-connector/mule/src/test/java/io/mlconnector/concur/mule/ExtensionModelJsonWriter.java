package io.mlconnector.concur.mule;

import org.mule.runtime.api.meta.model.ExtensionModel;
import org.mule.runtime.extension.api.persistence.ExtensionModelJsonSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (exec-maven-plugin, process-test-classes): loads an extension's ExtensionModel with Mule's loader and
 * writes it as Mule's own JSON into the plugin jar, as mule-extensions-maven-plugin would. Loading fails the build
 * when the declaration is invalid.
 */
public final class ExtensionModelJsonWriter {
    private ExtensionModelJsonWriter() {
    }

    /** Arguments: extension class, version, output file. */
    public static void main(String[] args) throws ClassNotFoundException, IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ExtensionModelJsonWriter <extension class> <version> <file>");
        }
        ExtensionModel model = MuleExtensionModels.load(Class.forName(args[0]), args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ExtensionModelJsonSerializer(true).serialize(model), StandardCharsets.UTF_8);
        System.out.println("ExtensionModel of " + model.getName() + " " + model.getVersion() + " written to " + out);
    }
}
