package io.mlconnector.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One example as a user runs it: camel-main with the example's YAML flow and its application.properties, nothing
 * else. The test only overrides the properties that point at the sandbox (credentials, URLs, directories), as a user
 * would with environment variables.
 */
final class ExampleFlow implements AutoCloseable {
    private final Main main;
    private final CompletedExchanges exchanges;

    private ExampleFlow(Main main, CompletedExchanges exchanges) {
        this.main = main;
        this.exchanges = exchanges;
    }

    /** Starts the flow in folder {@code name} of the examples module. */
    static ExampleFlow start(String name, Map<String, String> sandboxProperties) throws Exception {
        Path folder = Path.of(name).toAbsolutePath();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no example folder " + folder);
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + folder.resolve("application.properties"));
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + folder + "/*.camel.yaml");
        sandboxProperties.forEach(main::addOverrideProperty);
        CompletedExchanges exchanges = new CompletedExchanges();
        main.bind("completedExchanges", exchanges);
        main.start();
        return new ExampleFlow(main, exchanges);
    }

    CamelContext camel() {
        return main.getCamelContext();
    }

    /** Exchanges the route finished successfully. */
    int completed(String routeId) {
        return exchanges.completed(routeId);
    }

    /** Exchanges the route finished with an unhandled failure. */
    int failed(String routeId) {
        return exchanges.failed(routeId);
    }

    @Override
    public void close() {
        main.stop();
    }
}
