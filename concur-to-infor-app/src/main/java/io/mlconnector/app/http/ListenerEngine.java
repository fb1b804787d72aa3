package io.mlconnector.app.http;

import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;

import java.util.List;

/** The platform-http engine of one {@link Listener}: Camel's Vert.x consumer, on that listener's router. */
final class ListenerEngine implements PlatformHttpEngine {
    private final String routerName;
    private final Listener listener;

    ListenerEngine(String routerName, Listener listener) {
        this.routerName = routerName;
        this.listener = listener;
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new VertxPlatformHttpConsumer(endpoint, processor, List.of(), routerName);
    }

    @Override
    public int getServerPort() {
        return listener.port();
    }

    @Override
    public String getScheme() {
        return listener.baseUri().getScheme();
    }
}
