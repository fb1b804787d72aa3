package io.mlconnector.app.pipeline;

import io.mlconnector.app.Application;
import io.mlconnector.app.ApplicationFactory;
import io.mlconnector.app.config.AppConfig;

/** Registers the Camel pipeline with the CLI ({@code META-INF/services/io.mlconnector.app.ApplicationFactory}). */
public final class ConcurToInforApplicationFactory implements ApplicationFactory {
    @Override
    public Application create(AppConfig config) {
        return new ConcurToInforApplication(config);
    }
}
