package io.mlconnector.app.cli;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.admin.StatusReport;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "status", description = "Counts per state: inbox events, posted chunks, open exceptions, quarantine.")
final class StatusCommand extends StoreCommand {
    @Override
    int run(AdminService admin, PrintWriter out) {
        StatusReport report = admin.status();
        out.println("inbox (events)");
        report.inbox().forEach((state, n) -> out.printf("  %-16s %8d%n", state, n));
        out.println("posting ledger (chunks)");
        report.ledger().forEach((state, n) -> out.printf("  %-16s %8d%n", state, n));
        out.printf("chunks in doubt   %8d%n", report.chunksInDoubt());
        out.printf("awaiting the ERP  %8d%n", report.chunksAwaitingErp());
        out.printf("open exceptions   %8d%n", report.openExceptions());
        out.printf("quarantined       %8d%n", report.quarantined());
        out.flush();
        return MlConnectorCli.OK;
    }
}
