package io.mlconnector.app.cli;

import io.mlconnector.app.Application;
import io.mlconnector.app.ApplicationFactory;
import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.ops.Logging;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A command that needs the pipeline ({@link Application}); fails with exit code 3 if it is not in this build. */
abstract class ApplicationCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MlConnectorCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AppConfig config = parent.config();
        Logging.configure(config.jsonLogging(), config.logLevel());
        Optional<ApplicationFactory> factory = ApplicationFactory.find();
        if (factory.isEmpty()) {
            spec.commandLine().getErr().println("the pipeline is not part of this build: no "
                    + ApplicationFactory.class.getName() + " service is registered");
            return MlConnectorCli.NOT_WIRED;
        }
        try (Application app = factory.get().create(config)) {
            return run(app, spec.commandLine().getOut());
        }
    }

    abstract int run(Application app, PrintWriter out) throws Exception;
}
