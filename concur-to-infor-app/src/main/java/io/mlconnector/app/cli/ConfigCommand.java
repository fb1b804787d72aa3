package io.mlconnector.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "config", description = "Prints the effective configuration with each value's source; secrets masked.")
final class ConfigCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MlConnectorCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        parent.config().dump().forEach((k, v) -> out.println(k + " = " + v));
        out.flush();
        return MlConnectorCli.OK;
    }
}
