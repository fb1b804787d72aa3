package io.mlconnector.app.cli;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.Intake;
import io.mlconnector.app.store.Store;
import io.mlconnector.app.testing.HoldDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MlConnectorCliTest {
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2));

    @TempDir
    Path dir;

    private Path configFile;
    private String dbUrl;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws IOException {
        dbUrl = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        configFile = dir.resolve("app.properties");
        Files.writeString(configFile, "database.url=" + dbUrl.replace("\\", "\\\\") + "\nconcur.client-secret=cs-TOPSECRET\n");
    }

    @Test
    void statusPrintsCountsPerStateFromTheDatabase() {
        // given two new events and one dead one
        withStore(store -> {
            new Intake(store).accept(event("evt-1", "FIS-1"));
            new Intake(store).accept(event("evt-2", "FIS-2"));
            new Intake(store).accept(event("evt-3", "FIS-3"));
            long id = store.inbox().claim(1, "w", Duration.ofMinutes(1)).get(0).id();
            store.inbox().deadLetter(id, "w", "boom");
        });
        // when
        int exit = execute("status");
        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("NEW\\s+2").containsPattern("DEAD\\s+1").containsPattern("ACCEPTED\\s+0");
    }

    @Test
    void auditPrintsTheTrailOfAReportId() {
        // given
        withStore(store -> {
            store.audit().append(new AuditKeys("evt-1", "RPT-1", "FIS-1", null), "event received", Map.of("topic", "t"));
            store.audit().append(new AuditKeys(null, null, "FIS-1", "msg-1"), "chunk accepted", null);
        });
        // when
        int exit = execute("audit", "RPT-1");
        int jsonExit = execute("audit", "--json", "msg-1");
        int unknownExit = execute("audit", "nope");
        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(jsonExit).isZero();
        assertThat(unknownExit).isEqualTo(MlConnectorCli.FAILED);
        assertThat(out.toString()).contains("event received  [event=evt-1 report=RPT-1 doc=FIS-1]")
                .contains("chunk accepted  [doc=FIS-1 message=msg-1]").contains("\"step\":\"chunk accepted\"");
        assertThat(err.toString()).contains("no audit entries for nope");
    }

    @Test
    void replayPutsADeadEventBackOrSaysThereIsNothingToReplay() {
        // given a dead event
        withStore(store -> {
            new Intake(store).accept(event("evt-1", "FIS-1"));
            long id = store.inbox().claim(1, "w", Duration.ofMinutes(1)).get(0).id();
            store.inbox().deadLetter(id, "w", "unknown GL account");
        });
        // when
        int first = execute("replay", "evt-1");
        int second = execute("replay", "evt-1");
        // then
        assertThat(first).as(err.toString()).isZero();
        assertThat(second).isEqualTo(MlConnectorCli.FAILED);
        assertThat(out.toString()).contains("replayed event evt-1");
        assertThat(err.toString()).contains("nothing to replay");
        withStore(store -> assertThat(store.inbox().findByEssEventId("evt-1").orElseThrow().state().name()).isEqualTo("NEW"));
    }

    @Test
    void reconcileExitsOneOnDifferencesAndWritesOneCsvRowPerDocument() throws IOException {
        // given today: one document posted and confirmed, one fetched but never posted
        withStore(store -> {
            new Intake(store).accept(event("evt-1", "RPT-1"));
            new Intake(store).accept(event("evt-2", "RPT-2"));
            AuditKeys posted = new AuditKeys("evt-1", "RPT-1", "FIS-1", null);
            store.audit().append(posted, "document fetched", Map.of("businessId", "RPT-1", "docType", "expense",
                    "amount", "42.00", "currency", "EUR"));
            store.audit().append(posted, "mapped", Map.of("accountingEntity", "100", "currency", "EUR", "debits", "42.00"));
            store.ledger().plan(io.mlconnector.app.store.ChunkPlan.posting("FIS-1", 1, 1,
                    io.mlconnector.app.posting.PostingKind.GL, "m-1", "b-1", "h-1", new java.math.BigDecimal("42.00"), "EUR"));
            store.ledger().markSent("m-1");
            store.ledger().markAccepted("m-1", "ref-1");
            store.ledger().decideConfirmation("FIS-1", io.mlconnector.app.store.ConfirmationRecord.Outcome.SUCCESS, "");
            store.ledger().markConfirmationSent("FIS-1");
            store.audit().append(new AuditKeys("evt-2", "RPT-2", "FIS-2", null), "document fetched",
                    Map.of("businessId", "RPT-2", "docType", "expense", "amount", "7.00", "currency", "EUR"));
        });
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Path csv = dir.resolve("reconciliation.csv");

        // when reconciled with a CSV, and a range that ends before it starts
        int exit = execute("reconcile", "--from", today, "--to", today, "--csv", csv.toString());
        int backwards = execute("reconcile", "--from", today, "--to", "2000-01-01");

        // then exit 1, the never-posted document named, one CSV row per document
        assertThat(exit).as(err.toString()).isEqualTo(MlConnectorCli.FAILED);
        assertThat(out.toString()).containsPattern("EUR\\s+100\\s+1\\s+42.00\\s+42.00\\s+42.00\\s+1\\s+0")
                .contains("FIS-2 (report RPT-2) not posted", "seen but not posted: still in progress");
        assertThat(Files.readAllLines(csv)).hasSize(3).element(1).asString().contains("FIS-1,RPT-1,expense,100,EUR,42.00");
        assertThat(backwards).isEqualTo(MlConnectorCli.USAGE);
        assertThat(err.toString()).contains("before it starts");
    }

    @Test
    void reconcileExitsZeroForACleanPeriod() {
        // given a day without documents
        withStore(store -> store.inbox().countByState());

        // when / then
        assertThat(execute("reconcile", "--from", "2026-01-01", "--to", "2026-01-31")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 documents, 0 with differences");
    }

    @Test
    void statusReadsTheDefaultH2FileWhileAnotherProcessHoldsIt() throws Exception {
        // given the embedded default URL shape (AUTO_SERVER) and another JVM that has the database open
        dbUrl = AppConfig.defaultsOnly().settings().database().url()
                .replace("./data/ml-connector", dir.resolve("held").toAbsolutePath().toString());
        Files.writeString(configFile, "database.url=" + dbUrl.replace("\\", "\\\\") + "\n");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), dbUrl)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()));
            assertThat(lines.readLine()).isEqualTo("READY");
            // when the CLI asks for the status
            int exit = execute("status");
            // then it reads the other process's data
            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).containsPattern("NEW\\s+1");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void configPrintsEveryKeyWithItsSourceAndMasksSecrets() {
        int exit = execute("config");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("concur.client-secret = ****  (FILE)").contains("webhook.port = 8080  (DEFAULT)")
                .doesNotContain("TOPSECRET");
    }

    @Test
    void aBadConfigurationExitsWithUsageErrorNamingTheKey() throws IOException {
        Files.writeString(configFile, "worker.count=zero\n");
        int exit = execute("status");
        assertThat(exit).isEqualTo(MlConnectorCli.USAGE);
        assertThat(err.toString()).contains("worker.count");
    }

    @Test
    void sandboxStartsBothSimulatorsAndWritesAnOwnerOnlyConfiguration() throws Exception {
        // given
        Path written = dir.resolve("sandbox.properties");
        AtomicInteger exit = new AtomicInteger(-1);
        int inforPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            inforPort = probe.getLocalPort();
        }
        Thread sandbox = new Thread(() -> exit.set(execute("sandbox", "--write-config", written.toString(),
                "--infor-port", String.valueOf(inforPort))));
        // when it runs
        sandbox.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("Press Ctrl-C"));
            // then the printed Infor gateway answers over HTTP and the written configuration points at both simulators
            String printed = out.toString();
            URI gateway = URI.create(group(printed, "API gateway \\(iu\\):\\s+(\\S+)"));
            assertThat(gateway.getPort()).isEqualTo(inforPort);
            HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve(
                    "/" + group(printed, "tenant (\\S+)\\)") + "/IONSERVICES/api/ion/messaging/service/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ping.statusCode()).isEqualTo(401);
            assertThat(printed).contains(".ionapi file:").contains("webhook public key PEM:").doesNotContain("client-secret");
            AppConfig config = AppConfig.load(written, Map.of());
            assertThat(config.settings().concur().authBaseUrl().toString())
                    .isEqualTo(group(printed, "global auth \\(glz\\):\\s+(\\S+)"));
            assertThat(config.settings().concur().clientSecret()).isNotEmpty();
            assertThat(Files.exists(config.settings().infor().ionapiFile())).isTrue();
            assertThat(Files.exists(config.settings().concur().webhookPublicKeys().get(0))).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
            // and when it stops, nothing it wrote is left behind (credentials, keys)
            sandbox.interrupt();
            sandbox.join(10_000);
            assertThat(written).doesNotExist();
            assertThat(config.settings().infor().ionapiFile()).doesNotExist();
            assertThat(config.settings().concur().webhookPublicKeys().get(0)).doesNotExist();
        } finally {
            sandbox.interrupt();
            sandbox.join(10_000);
        }
        assertThat(exit.get()).isZero();
    }

    @Test
    void aSandboxStoppedWithSigtermRemovesWhatItWrote() throws Exception {
        // given the sandbox command in its own JVM
        Path written = dir.resolve("sandbox-term.properties");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                MlConnectorCli.class.getName(), "sandbox", "--write-config", written.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sandbox.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(dir.resolve("sandbox.log"))
                    .contains("Press Ctrl-C"));
            AppConfig config = AppConfig.load(written, Map.of());
            Path ionapi = config.settings().infor().ionapiFile();
            Path pem = config.settings().concur().webhookPublicKeys().get(0);
            assertThat(ionapi).exists();
            // when the operator stops it (Ctrl-C / SIGTERM)
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // then its configuration, .ionapi file and webhook key are gone
            assertThat(written).doesNotExist();
            assertThat(ionapi).doesNotExist();
            assertThat(pem).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("output matches " + regex).isTrue();
        return m.group(1);
    }

    private int execute(String... args) {
        CommandLine cli = MlConnectorCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = configFile.toString();
        return cli.execute(withConfig);
    }

    private void withStore(java.util.function.Consumer<Store> work) {
        try (Store store = Store.open(DatabaseSettings.of(dbUrl, "", ""), RETRY)) {
            work.accept(store);
        }
    }

    private static InboxEvent event(String id, String fisDocumentId) {
        return new InboxEvent(id, "public.concur.financialintegration", "expense.readyForIntegration", fisDocumentId,
                null, "{}");
    }
}
