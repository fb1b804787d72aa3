package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.AppSettings;
import io.mlconnector.app.config.ConfigException;
import io.mlconnector.app.mapping.MappingConfigException;
import io.mlconnector.app.mapping.MappingProvider;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.IonApiCredentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the pipeline needs from the configuration, checked before anything is opened or created on disk (the embedded
 * database under {@code ./data} included). Each failure is a {@link ConfigException} naming the key: the CLI prints it
 * as one line and exits 2.
 */
final class StartupCheck {
    private StartupCheck() {
    }

    /** The Concur app credentials and the .ionapi file: every command that talks to Concur or Infor needs them. */
    static void requireConnections(AppConfig config) {
        AppSettings settings = config.settings();
        requireSet("concur.client-id", settings.concur().clientId());
        requireSet("concur.client-secret", settings.concur().clientSecret());
        Path ionapi = requireFile(config, "infor.ionapi-file", settings.infor().ionapiFile());
        try {
            IonApiCredentials.load(ionapi);
        } catch (InforIonException e) {
            throw config.invalidValue("infor.ionapi-file", "is not a usable .ionapi file: " + e.getMessage());
        }
    }

    /** The keys that may sign webhook deliveries: without one, no delivery could ever be verified. */
    static void requireWebhookKeys(AppConfig config) {
        List<Path> files = config.settings().concur().webhookPublicKeys();
        if (files.isEmpty()) {
            throw config.invalidValue("concur.webhook-public-keys", "is required: the PEM file(s) of the public key(s) "
                    + "that sign Concur's webhook deliveries");
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw config.invalidValue("concur.webhook-public-keys", "names " + file.toAbsolutePath()
                        + ", which does not exist or cannot be read");
            }
        }
    }

    /**
     * The customer's mapping. A configured file that is missing or invalid stops start-up: posting with the built-in
     * demo mapping instead would put a real company's expenses on invented accounts.
     */
    static MappingProvider mapping(AppConfig config, Clock clock) {
        Path file = requireFile(config, "mapping.file", config.settings().mappingFile());
        try {
            return MappingProvider.fromFile(file, Duration.ofSeconds(2), clock);
        } catch (MappingConfigException e) {
            throw config.invalidValue("mapping.file", "(" + file.toAbsolutePath() + ") is not a valid mapping: "
                    + e.problems().stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
    }

    private static void requireSet(String key, String value) {
        if (value.isBlank()) {
            throw new ConfigException(key + " is required (environment variable " + AppConfig.environmentName(key)
                    + "; see README-config.md)");
        }
    }

    private static Path requireFile(AppConfig config, String key, Path file) {
        requireSet(key, file.toString());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw config.invalidValue(key, "names " + file.toAbsolutePath() + ", which does not exist or cannot be read");
        }
        return file;
    }
}
