package io.mlconnector.app.cli;

import io.mlconnector.app.Application;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "demo", description = "Starts the sandboxes and the app, posts the sample documents end to end, "
        + "prints what reached Infor and Concur; exit 0 only if every document was confirmed.")
final class DemoCommand extends ApplicationCommand {
    @Override
    int run(Application app, PrintWriter out) {
        int exit = app.demo(out);
        out.flush();
        return exit;
    }
}
