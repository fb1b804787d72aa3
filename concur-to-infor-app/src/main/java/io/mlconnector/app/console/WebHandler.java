package io.mlconnector.app.console;

import java.util.Optional;

/** Answers the requests it owns; empty for a path it does not serve, so a server can try the next handler. */
@FunctionalInterface
public interface WebHandler {
    Optional<WebResponse> handle(WebRequest request);
}
