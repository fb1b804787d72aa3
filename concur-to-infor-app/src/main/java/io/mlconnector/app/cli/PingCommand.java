package io.mlconnector.app.cli;

import io.mlconnector.app.pipeline.ConcurToInforApplication;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "ping", description = "Checks the connections to Concur and Infor and prints a verdict.")
final class PingCommand extends ApplicationCommand {
    @Override
    int run(ConcurToInforApplication app, PrintWriter out) {
        boolean ok = app.ping(out);
        out.flush();
        return ok ? MlConnectorCli.OK : MlConnectorCli.FAILED;
    }
}
