package io.mlconnector.app.http;

import java.time.Duration;

/**
 * What one listener tolerates from a client, so that no client can hold the port: a request whose head and body are
 * not complete within {@code requestTimeout} is cut (408, or the connection closed before a head arrived); a
 * connection silent for {@code idleTimeout} is closed, also between keep-alive requests; at most
 * {@code maxConnections} connections are open at once (more are closed on accept); a body larger than
 * {@code maxBodyBytes} is refused with 413 while it is being read; a request head larger than
 * {@code maxHeaderBytes} is refused by the HTTP decoder.
 */
public record HttpLimits(Duration requestTimeout, Duration idleTimeout, int maxConnections, long maxBodyBytes,
                         int maxHeaderBytes) {
    public HttpLimits {
        if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("request and idle timeouts must be positive");
        }
        if (maxConnections < 1 || maxBodyBytes < 1 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("max connections and body must be positive, max header at least 1024");
        }
    }
}
