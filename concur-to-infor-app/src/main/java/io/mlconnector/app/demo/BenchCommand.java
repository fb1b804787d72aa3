package io.mlconnector.app.demo;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.ConfigSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "bench", description = "Runs the sandboxes with the ION gateway limited to a rate and the app with its "
        + "settings (the defaults unless --config or ML_ variables set them) on generated documents; prints "
        + "documents/s, ION calls/s against the limit, 429s, delivered -> confirmation p50/p95/p99, webhook intake at "
        + "8/32/64 connections against a same-pool insert baseline, and peak heap.")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ConfigSource parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--warm-up-documents", defaultValue = "200",
            description = "generated documents posted first and not measured, so the pipeline runs compiled "
                    + "(default ${DEFAULT-VALUE})")
    int warmUpDocuments;

    @Option(names = "--documents", defaultValue = "1000", description = "generated documents (default ${DEFAULT-VALUE})")
    int documents;

    @Option(names = "--rate", defaultValue = "50",
            description = "ION gateway calls per second the sandbox allows (default ${DEFAULT-VALUE}, Essentials)")
    int rate;

    @Option(names = "--intake-events", defaultValue = "3000",
            description = "signed webhook events per connection count (default ${DEFAULT-VALUE})")
    int intakeEvents;

    @Option(names = "--database-url", defaultValue = "",
            description = "a jdbc:postgresql: URL to bench on (a fresh schema, dropped after); default the embedded H2")
    String databaseUrl;

    @Override
    public Integer call() {
        AppConfig config = parent.config();
        PrintWriter out = spec.commandLine().getOut();
        BenchOptions options = new BenchOptions(warmUpDocuments, documents, rate, intakeEvents, databaseUrl);
        int exit = new Bench(config, options).run(out);
        out.flush();
        return exit;
    }
}
