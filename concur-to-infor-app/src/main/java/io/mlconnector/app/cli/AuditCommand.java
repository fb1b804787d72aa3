package io.mlconnector.app.cli;

import io.mlconnector.app.admin.AdminServer;
import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.store.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

@Command(name = "audit", description = "Prints the audit trail of a document: Concur report id, FIS document id, "
        + "Infor messageId or ESS event id.")
final class AuditCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "report id, FIS document id, messageId or ESS event id")
    String id;

    @Option(names = "--json", description = "one JSON object per entry (the admin API's shape)")
    boolean asJson;

    @Override
    int run(AdminService admin, PrintWriter out) {
        List<AuditEntry> trail = admin.audit(id);
        if (trail.isEmpty()) {
            spec.commandLine().getErr().println("no audit entries for " + id);
            return MlConnectorCli.FAILED;
        }
        for (AuditEntry e : trail) {
            out.println(asJson ? AdminServer.auditJson(e).toString() : line(e));
        }
        out.flush();
        return MlConnectorCli.OK;
    }

    private static String line(AuditEntry e) {
        List<String> keys = new ArrayList<>();
        add(keys, "event", e.keys().essEventId());
        add(keys, "report", e.keys().reportId());
        add(keys, "doc", e.keys().fisDocumentId());
        add(keys, "message", e.keys().messageId());
        String detail = e.detail() == null || e.detail().isNull() ? "" : "  " + e.detail();
        return e.at() + "  " + e.step() + "  [" + String.join(" ", keys) + "]" + detail;
    }

    private static void add(List<String> keys, String name, String value) {
        if (value != null) {
            keys.add(name + "=" + value);
        }
    }
}
