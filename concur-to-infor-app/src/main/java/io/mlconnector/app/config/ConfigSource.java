package io.mlconnector.app.config;

/**
 * Where a command gets its configuration. The command line implements it ({@code --config FILE} and the
 * environment), so commands outside the {@code cli} package can ask for the configuration without depending on it.
 */
public interface ConfigSource {
    /** The configuration, loaded and validated. */
    AppConfig config();
}
