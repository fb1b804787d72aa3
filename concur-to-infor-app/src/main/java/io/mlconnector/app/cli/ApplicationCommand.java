package io.mlconnector.app.cli;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.ops.Logging;
import io.mlconnector.app.pipeline.ConcurToInforApplication;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that needs the pipeline: configures logging, creates the application, runs, closes it. */
abstract class ApplicationCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MlConnectorCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AppConfig config = parent.config();
        Logging.configure(config.settings().logging().json(), config.settings().logging().level());
        try (ConcurToInforApplication app = new ConcurToInforApplication(config)) {
            return run(app, spec.commandLine().getOut());
        }
    }

    abstract int run(ConcurToInforApplication app, PrintWriter out) throws Exception;
}
