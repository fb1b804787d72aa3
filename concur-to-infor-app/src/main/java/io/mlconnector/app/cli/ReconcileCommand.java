package io.mlconnector.app.cli;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.reconcile.Difference;
import io.mlconnector.app.reconcile.DocumentReconciliation;
import io.mlconnector.app.reconcile.Money;
import io.mlconnector.app.reconcile.ReconciliationCsv;
import io.mlconnector.app.reconcile.ReconciliationReport;
import io.mlconnector.app.reconcile.Totals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

@Command(name = "reconcile", description = "Every document Concur made ready from --from to --to (UTC days, both "
        + "included) against what the ledger posted and Concur was told: totals per currency and accounting entity and "
        + "the differences; exit 1 when there are differences.")
final class ReconcileCommand extends StoreCommand {
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day, ISO (2026-11-01)")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "last day, ISO (2026-11-30)")
    LocalDate to;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write one row per document to FILE")
    Path csv;

    @Override
    int run(AdminService admin, PrintWriter out) {
        ReconciliationReport report;
        try {
            report = admin.reconcile(from, to);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return MlConnectorCli.USAGE;
        }
        out.printf("Reconciliation %s to %s (UTC): %d documents, %d with differences%n", report.from(), report.to(),
                report.documents().size(), report.withDifferences().size());
        out.printf("%-4s %-8s %6s %16s %16s %16s %10s %12s%n", "cur", "entity", "docs", "Concur", "journal", "posted",
                "confirmed", "differences");
        for (Totals t : report.totals()) {
            out.printf("%-4s %-8s %6d %16s %16s %16s %10d %12d%n", t.currency(), t.accountingEntity(), t.documents(),
                    Money.format(t.concurAmount()), Money.format(t.journalAmount()), Money.format(t.postedAmount()),
                    t.confirmed(), t.withDifferences());
        }
        for (DocumentReconciliation d : report.withDifferences()) {
            out.printf("%n%s (report %s) %s%n", Objects.requireNonNullElse(d.documentId(), "not fetched"),
                    Objects.requireNonNullElse(d.businessId(), "?"), d.outcome().label());
            for (Difference difference : d.differences()) {
                out.println("  " + difference);
            }
        }
        if (csv != null) {
            writeCsv(report);
            out.println("\nCSV written to " + csv);
        }
        out.flush();
        return report.hasDifferences() ? MlConnectorCli.FAILED : MlConnectorCli.OK;
    }

    private void writeCsv(ReconciliationReport report) {
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            ReconciliationCsv.write(report, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }
}
