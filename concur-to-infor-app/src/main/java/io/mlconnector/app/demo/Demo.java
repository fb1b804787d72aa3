package io.mlconnector.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.LoggingSettings;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.ops.Logging;
import io.mlconnector.app.pipeline.ConcurToInforApplication;
import io.mlconnector.app.pipeline.NonFisDocuments;
import io.mlconnector.app.reconcile.Reconciliation;
import io.mlconnector.app.reconcile.ReconciliationReport;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.store.Store;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.infor.InforSandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sandbox demo: both simulators, the app on a fresh embedded H2 database under {@code ./data/demo}, an ESS
 * subscription to the app's webhook, and Concur approving every published sample document. Waits until Concur has a
 * posting confirmation for each, prints what reached Infor and Concur, the audit trail of one document and the day's
 * reconciliation, and where the operator console is.
 */
final class Demo {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Path DEMO_DIR = Path.of("data", "demo");

    private final AppConfig baseConfig;

    Demo(AppConfig baseConfig) {
        this.baseConfig = baseConfig;
    }

    int run(PrintWriter out, boolean keepRunning) {
        Instant started = Instant.now();
        // The table is the demo's output; the pipeline's INFO lines would bury it unless asked for.
        LoggingSettings logging = baseConfig.settings().logging();
        Logging.configure(logging.json(),
                baseConfig.source("logging.level") == AppConfig.Source.DEFAULT ? "WARN" : logging.level());
        try (ConcurSandbox concur = ConcurSandbox.start(); InforSandbox infor = InforSandbox.start()) {
            AppConfig config = AppConfig.load(null, SandboxKeys.asEnvironment(demoKeys(concur, infor)));
            try (ConcurToInforApplication app = new ConcurToInforApplication(config)) {
                app.start();
                printConsole(out, app, config);
                // the ERP behind ION answers each Process BOD shortly, some twice (ION delivers at least once)
                infor.erp().deliverTo(app.imsUri()).delay(Duration.ofMillis(150)).duplicateRate(0.3);
                app.subscribe(app.webhookUri(), out);
                List<String> docIds = concur.fis().seedPublishedSamples();
                String reportId = concur.reports().addPublishedSampleReport();
                out.println("Concur approves " + docIds.size() + " documents (published FIS samples) and expense report "
                        + reportId + " (Expense v4, for tenants without FIS) ...");
                out.flush();
                docIds.forEach(concur.fis()::approve);
                concur.reports().approveReport(reportId, "A_APPR");
                boolean allConfirmed = awaitConfirmations(concur, docIds);
                boolean reportPosted = awaitPosted(app.store(), reportId);
                printTable(out, app.store(), concur, docIds);
                printReport(out, app.store(), reportId);
                printAuditTrail(out, app.store(), docIds.get(0));
                boolean allPosted = docIds.stream().allMatch(id -> concur.fis().state(id) == FisState.POSTED);
                printErpAnswers(out, app.store(), infor);
                boolean reconciled = printReconciliation(out, app.store());
                boolean ok = allConfirmed && allPosted && reportPosted && reconciled;
                out.printf("%n%d FIS documents and 1 expense report, %s, in %.1f s%n", docIds.size(),
                        ok ? "every one posted (FIS documents confirmed to Concur)" : "NOT all posted: see the table",
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
                out.flush();
                if (keepRunning) {
                    keepRunning(out, app);
                }
                return ok ? 0 : 1;
            }
        }
    }

    private void printConsole(PrintWriter out, ConcurToInforApplication app, AppConfig config) {
        out.println("Operator console: " + app.consoleUri() + (baseConfig.source("admin.token") == AppConfig.Source.DEFAULT
                ? "  (admin token for this demo run: " + config.settings().admin().token() + ")"
                : "  (log in with your admin.token)"));
        out.flush();
    }

    /** The day's reconciliation (yesterday too, should the demo run over midnight UTC); true when it has no differences. */
    private static boolean printReconciliation(PrintWriter out, Store store) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReconciliationReport report = new Reconciliation(store).between(today.minusDays(1), today);
        out.printf("%nReconciliation %s to %s: %d documents, %s%n", report.from(), report.to(),
                report.documents().size(), report.hasDifferences() ? report.withDifferences().size()
                        + " WITH DIFFERENCES: " + report.withDifferences() : "no differences");
        return !report.hasDifferences();
    }

    /** Blocks until Ctrl-C; the shutdown hook closes the app (the sandboxes go with the process). */
    private static void keepRunning(PrintWriter out, ConcurToInforApplication app) {
        out.println("\nThe app and its console stay up at " + app.consoleUri() + "; Ctrl-C stops the demo.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "demo-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, String> demoKeys(ConcurSandbox concur, InforSandbox infor) {
        Map<String, String> keys = new LinkedHashMap<>(SandboxKeys.of(concur, infor));
        Path db = DEMO_DIR.resolve("ml-connector");
        wipe(DEMO_DIR);
        keys.put("database.url", DatabaseSettings.embeddedH2Url(db));
        keys.put("mapping.file", writeDefaultMapping().toString());
        keys.put("concur.topics", "public.concur.financialintegration,public.concur.expense.report");
        keys.put("webhook.host", "127.0.0.1");
        keys.put("webhook.port", "0");
        keys.put("admin.port", baseConfig.source("admin.port") == AppConfig.Source.DEFAULT ? "0"
                : Integer.toString(baseConfig.settings().admin().listener().port()));
        keys.put("admin.token", baseConfig.source("admin.token") == AppConfig.Source.DEFAULT
                ? UUID.randomUUID().toString() : baseConfig.settings().admin().token());
        keys.put("worker.poll-interval", "200ms");
        keys.put("worker.backoff-initial", "500ms");
        keys.put("ims.apply-interval", "100ms");
        keys.put("logging.level", baseConfig.settings().logging().level());
        return keys;
    }

    private static Path writeDefaultMapping() {
        try {
            Path file = DEMO_DIR.resolve("mapping.yaml");
            Files.createDirectories(DEMO_DIR);
            Files.writeString(file, Mapping.defaultMappingText());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private static boolean awaitConfirmations(ConcurSandbox concur, List<String> docIds) {
        return awaitUntil(() -> docIds.stream().allMatch(id -> !concur.fis().postingConfirmations(id).isEmpty()));
    }

    private static boolean awaitPosted(Store store, String reportId) {
        return awaitUntil(() -> store.audit().trail(reportId).stream()
                .anyMatch(e -> e.step().equals(AuditStep.POSTED)));
    }

    private static boolean awaitUntil(BooleanSupplier done) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (done.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void printReport(PrintWriter out, Store store, String reportId) {
        String documentId = NonFisDocuments.expenseReportDocumentId(reportId);
        JsonNode mapped = auditDetail(store, documentId, AuditStep.MAPPED);
        out.printf("%-34s %-11s %14s %-3s %8s  %s%n", reportId, "expense v4", mapped.path("debits").asText("-"),
                mapped.path("currency").asText(""), glLines(store, documentId), "(no FIS: audited as posted)");
        printChunks(out, store, documentId);
    }

    private static void printTable(PrintWriter out, Store store, ConcurSandbox concur, List<String> docIds) {
        out.printf("%n%-34s %-11s %18s %8s  %s%n", "report / request / advance", "docType", "amount", "GL lines",
                "Concur confirmation");
        for (String docId : docIds) {
            JsonNode fetched = auditDetail(store, docId, AuditStep.DOCUMENT_FETCHED);
            out.printf("%-34s %-11s %14s %-3s %8s  %s%n", concur.fis().businessId(docId),
                    fetched.path("docType").asText("-"), fetched.path("amount").asText("-"),
                    fetched.path("currency").asText(""), glLines(store, docId), confirmation(concur, docId));
            printChunks(out, store, docId);
        }
    }

    private static void printChunks(PrintWriter out, Store store, String documentId) {
        for (LedgerEntry chunk : store.ledger().forDocument(documentId)) {
            out.printf("%34s   %s %s (%s)%n", "", chunk.plan().kind(), chunk.messageId(), chunk.state());
        }
    }

    /** The extra state: which chunks the ERP acknowledged (through the IMS endpoint) before Concur heard success. */
    private static void printErpAnswers(PrintWriter out, Store store, InforSandbox infor) {
        Map<ChunkState, Long> ledger = store.ledger().countByState();
        long delivered = infor.erp().pushes().stream().filter(p -> p.status() == 202).count();
        out.printf("%nThe ERP acknowledged %d invoice chunk(s) (ERP_CONFIRMED) through the IMS endpoint before Concur "
                        + "heard success; %d answer(s) pushed by ION, %d stored (repeats counted once); %d GL chunk(s) "
                        + "count on ION's acceptance (Sync BODs have no business reply).%n",
                ledger.get(ChunkState.ERP_CONFIRMED), delivered, store.erpAnswers().all().size(),
                ledger.get(ChunkState.ACCEPTED));
    }

    private static JsonNode auditDetail(Store store, String docId, String step) {
        return store.audit().trail(docId).stream().filter(e -> e.step().equals(step)).findFirst()
                .map(AuditEntry::detail).orElse(MissingNode.getInstance());
    }

    private static String glLines(Store store, String docId) {
        JsonNode mapped = auditDetail(store, docId, AuditStep.MAPPED);
        return mapped.isMissingNode() ? "-" : Integer.toString(mapped.path("glLines").size());
    }

    private static String confirmation(ConcurSandbox concur, String docId) {
        return concur.fis().postingConfirmations(docId).stream()
                .map(c -> c.path("overallPostingStatusCode").asText()).collect(Collectors.joining(","))
                + " (" + concur.fis().state(docId) + ")";
    }

    private static void printAuditTrail(PrintWriter out, Store store, String docId) {
        out.printf("%nAudit trail of FIS document %s:%n", docId);
        for (AuditEntry e : store.audit().trail(docId)) {
            out.printf("  %s  %-45s %s%n", e.at(), e.step(), abbreviate(e.detail().toString()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 140 ? text.substring(0, 137) + "..." : text;
    }
}
