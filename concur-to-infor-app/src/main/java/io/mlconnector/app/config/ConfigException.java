package io.mlconnector.app.config;

/** The configuration cannot be used: unreadable file, unknown key, or a value of the wrong type. Names the key. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
