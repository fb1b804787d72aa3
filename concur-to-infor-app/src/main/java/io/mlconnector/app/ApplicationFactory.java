package io.mlconnector.app;

import io.mlconnector.app.config.AppConfig;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates the {@link Application} from the configuration. The implementation is found with {@link ServiceLoader}
 * ({@code META-INF/services/io.mlconnector.app.ApplicationFactory}), so the CLI does not depend on the route.
 */
public interface ApplicationFactory {
    Application create(AppConfig config);

    /** The registered factory, if the pipeline is part of this build. */
    static Optional<ApplicationFactory> find() {
        return ServiceLoader.load(ApplicationFactory.class).findFirst();
    }
}
