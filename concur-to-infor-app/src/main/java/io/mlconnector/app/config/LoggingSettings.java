package io.mlconnector.app.config;

/**
 * @param json  {@code logging.json}: one JSON object per line instead of text
 * @param level {@code logging.level}: the root log level
 */
public record LoggingSettings(boolean json, String level) {
}
