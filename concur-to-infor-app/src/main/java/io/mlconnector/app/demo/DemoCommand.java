package io.mlconnector.app.demo;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.ConfigSource;
import io.mlconnector.app.ops.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "demo", description = "Starts the sandboxes and the app, posts the sample documents end to end, "
        + "prints what reached Infor and Concur; exit 0 only if every document was confirmed.")
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ConfigSource parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--keep-running", description = "After the summary, keep the app, its operator console and the "
            + "sandboxes up until Ctrl-C.")
    boolean keepRunning;

    @Override
    public Integer call() {
        AppConfig config = parent.config();
        Logging.configure(config.settings().logging().json(), config.settings().logging().level());
        PrintWriter out = spec.commandLine().getOut();
        int exit = new Demo(config).run(out, keepRunning);
        out.flush();
        return exit;
    }
}
