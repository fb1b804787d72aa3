package io.mlconnector.app.cli;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.admin.ReplayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

@Command(name = "replay", description = "Puts a dead-lettered or retrying event back in the inbox, by inbox id, "
        + "ESS event id, FIS document id or report id (after fixing the mapping, say).")
final class ReplayCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "inbox id, ESS event id, FIS document id or report id")
    String id;

    @Override
    int run(AdminService admin, PrintWriter out) {
        ReplayResult result = admin.replay(id);
        if (!result.replayedAny()) {
            spec.commandLine().getErr().println("nothing to replay: no DEAD or FAILED_RETRYING inbox row for " + id);
            return MlConnectorCli.FAILED;
        }
        result.replayedEventIds().forEach(e -> out.println("replayed event " + e + " (state NEW)"));
        out.println("a running instance picks it up at its next poll");
        out.flush();
        return MlConnectorCli.OK;
    }
}
