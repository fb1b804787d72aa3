package io.mlconnector.app.cli;

import io.mlconnector.app.pipeline.ConcurToInforApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "demo", description = "Starts the sandboxes and the app, posts the sample documents end to end, "
        + "prints what reached Infor and Concur; exit 0 only if every document was confirmed.")
final class DemoCommand extends ApplicationCommand {
    @Option(names = "--keep-running", description = "After the summary, keep the app, its operator console and the "
            + "sandboxes up until Ctrl-C.")
    boolean keepRunning;

    @Override
    int run(ConcurToInforApplication app, PrintWriter out) {
        int exit = app.demo(out, keepRunning);
        out.flush();
        return exit;
    }
}
