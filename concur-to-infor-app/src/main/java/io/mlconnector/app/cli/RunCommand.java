package io.mlconnector.app.cli;

import io.mlconnector.app.pipeline.ConcurToInforApplication;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "run", description = "Runs the pipeline: webhook, inbox workers, admin API (the default command).")
final class RunCommand extends ApplicationCommand {
    @Override
    int run(ConcurToInforApplication app, PrintWriter out) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        app.start();
        app.awaitStop();
        return MlConnectorCli.OK;
    }
}
