package io.mlconnector.app.cli;

import io.mlconnector.app.pipeline.ConcurToInforApplication;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "subscribe", description = "Creates or updates the ESS subscriptions for the configured topics.")
final class SubscribeCommand extends ApplicationCommand {
    @Override
    int run(ConcurToInforApplication app, PrintWriter out) {
        int exit = app.subscribe(out);
        out.flush();
        return exit;
    }
}
