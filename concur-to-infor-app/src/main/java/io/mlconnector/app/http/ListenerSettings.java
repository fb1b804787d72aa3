package io.mlconnector.app.http;

import java.util.Optional;

/**
 * One port of the {@link HttpEdge}: its name (which also names its Camel component, {@code <name>-http}), the address
 * it binds, its limits and, optionally, TLS.
 */
public record ListenerSettings(String name, String host, int port, HttpLimits limits, Optional<TlsSettings> tls) {
    public ListenerSettings {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("listener name '" + name + "' must be lower-case letters, digits, '-'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listener " + name + ": port " + port + " is not a TCP port");
        }
    }

    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }
}
