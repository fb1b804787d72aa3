package io.mlconnector.app.crash;

import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.demo.SandboxKeys;
import io.mlconnector.app.demo.ScratchSchema;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.store.Database;
import io.mlconnector.app.store.Store;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.ConcurEvents;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.infor.InforSandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Everything a crash test needs around the app: both sandboxes in this JVM, a database the child JVMs share (an H2
 * file or a unique PostgreSQL schema), one configuration file per app instance, the documents Concur approves, and a
 * read-only view of the app's store for the assertions.
 */
final class CrashLab implements AutoCloseable {
    enum DatabaseKind { H2, POSTGRESQL }

    private final Path dir;
    private final ConcurSandbox concur;
    private final InforSandbox infor;
    private final DatabaseKind databaseKind;
    private final String databaseUrl;
    /** Null on H2. */
    private final ScratchSchema pgSchema;
    private final List<AppProcess> apps = new ArrayList<>();
    private final Map<String, Properties> configs = new HashMap<>();
    private boolean passed;

    private CrashLab(Path dir, ConcurSandbox concur, InforSandbox infor, DatabaseKind kind, String url,
                     ScratchSchema schema) {
        this.dir = dir;
        this.concur = concur;
        this.infor = infor;
        this.databaseKind = kind;
        this.databaseUrl = url;
        this.pgSchema = schema;
    }

    static CrashLab start(String testName, DatabaseKind kind) throws IOException {
        // under target/, so the logs and the database of a failed run are still there to read (and to archive in CI)
        Path runs = Files.createDirectories(Path.of("target", "crash-runs"));
        Path dir = Files.createTempDirectory(runs, testName + "-").toAbsolutePath();
        String url;
        ScratchSchema schema = null;
        if (kind == DatabaseKind.H2) {
            // the embedded default's URL (defaults.properties), in the run's folder
            url = "jdbc:h2:file:" + dir.resolve("db").resolve("ml-connector").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        } else {
            schema = ScratchSchema.create(TestDatabase.postgresUrl(),
                    "t_" + testName.toLowerCase().replaceAll("[^a-z0-9]", "") + "_");
            url = schema.url();
        }
        // ESS keeps retrying while an instance is down (the real ESS retries for at least 3 days,
        // https://developer.concur.com/api-reference/ess/v4.event-subscription.html)
        ConcurSandbox concur = ConcurSandbox.start(ConcurSandboxSettings.builder().maxDeliveryAttempts(60)
                .retryBackoff(Duration.ofMillis(100)).build());
        InforSandbox infor = InforSandbox.start();
        return new CrashLab(dir, concur, infor, kind, url, schema);
    }

    /** The run's checks passed: its directory (logs, database) is deleted on close unless -Dcrash.keep=true. */
    void passed() {
        passed = true;
    }

    ConcurSandbox concur() {
        return concur;
    }

    InforSandbox infor() {
        return infor;
    }

    DatabaseKind databaseKind() {
        return databaseKind;
    }

    /**
     * A child app instance with its own webhook port, subscribed in ESS. Backoffs are short; the {@code lease} decides
     * how soon the claims of a killed instance come back, and must exceed the slowest step of a document (a worker
     * that outlives its lease stops, and its chunk in flight may be re-sent by the next owner).
     */
    AppProcess app(String name, Duration lease) throws IOException {
        return app(name, lease, Map.of());
    }

    /**
     * Like {@link #app(String, Duration)} with some keys overridden. Its IMS endpoint has a fixed port too, and the
     * sandbox's ERP answers to it (the last instance made here when there are several, as ION has one endpoint URL).
     */
    AppProcess app(String name, Duration lease, Map<String, String> overrides) throws IOException {
        int port = freePort();
        int imsPort = freePort();
        Properties p = new Properties();
        p.putAll(SandboxKeys.of(concur, infor));
        p.put("database.url", databaseUrl);
        p.put("database.pool-size", "6");
        p.put("mapping.file", mappingFile().toString());
        p.put("webhook.host", "127.0.0.1");
        p.put("webhook.port", Integer.toString(port));
        p.put("webhook.public-url", webhookUri(port).toString());
        p.put("admin.port", "0");
        p.put("worker.count", "4");
        p.put("worker.poll-interval", "100ms");
        p.put("worker.lease", lease.toMillis() + "ms");
        p.put("worker.heartbeat", lease.dividedBy(3).toMillis() + "ms");
        // every kill costs the rows in progress one attempt; a long run must not dead-letter them for that
        p.put("worker.max-attempts", "100");
        p.put("worker.backoff-initial", "200ms");
        p.put("worker.backoff-max", "2s");
        p.put("logging.level", "INFO");
        p.put("ims.host", "127.0.0.1");
        p.put("ims.port", Integer.toString(imsPort));
        p.put("ims.apply-interval", "100ms");
        p.putAll(overrides);
        Path config = dir.resolve(name + ".properties");
        write(config, p, name);
        configs.put(name, p);
        concur.events().subscribe("crash-" + name, ConcurEvents.TOPIC_FIS, ".*", webhookUri(port));
        infor.erp().deliverTo(URI.create("http://127.0.0.1:" + imsPort + "/ims/service"));
        AppProcess app = new AppProcess(name, config, dir.resolve(name + ".log"), port);
        apps.add(app);
        return app;
    }

    /** Changes keys of an instance's configuration; it reads them at its next start. */
    void reconfigure(AppProcess app, Map<String, String> overrides) throws IOException {
        Properties p = configs.get(app.name());
        p.putAll(overrides);
        write(dir.resolve(app.name() + ".properties"), p, app.name());
    }

    private static void write(Path config, Properties p, String name) throws IOException {
        try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(w, "crash test instance " + name + " (holds sandbox credentials)");
        }
    }

    /** {@code count} generated FIS invoices (each posts one Process.SupplierInvoice the ERP answers), not approved. */
    List<String> addInvoices(int count, long seed) {
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(concur.fis().add("invoice", generator.invoice(1 + i % 3)));
        }
        return ids;
    }

    private Path mappingFile() throws IOException {
        Path file = dir.resolve("mapping.yaml");
        if (!Files.exists(file)) {
            Files.writeString(file, Mapping.defaultMappingText());
        }
        return file;
    }

    /** Replaces the mapping file every instance reads (they re-read it when it changes, and at start). */
    void mapping(String yaml) throws IOException {
        Files.writeString(dir.resolve("mapping.yaml"), yaml);
    }

    /** The folder of the run (logs, configuration files and, on H2, the database under {@code db/}). */
    Path dir() {
        return dir;
    }

    private static URI webhookUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/concur/events");
    }

    /** A port nobody listens on right now; fixed for the instance's life, so ESS finds it again after a restart. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code count} generated FIS documents (three in four expense reports, one in four invoices), not yet approved. */
    List<String> addDocuments(int count, long seed) {
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(seed);
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(random.nextInt(4) == 0
                    ? concur.fis().add("invoice", generator.invoice(1 + random.nextInt(3)))
                    : concur.fis().add("expense", generator.expenseReport(1 + random.nextInt(5))));
        }
        return ids;
    }

    long postedCount(List<String> docIds) {
        return docIds.stream().filter(id -> concur.fis().state(id) == FisState.POSTED).count();
    }

    /**
     * Waits until Concur has received a FIS call made after its {@code mark}-th request: the instance started since
     * then holds its company token, and has stored the refresh token the start-up refresh grant rotated.
     */
    void awaitFisCallSince(int mark) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<SimRequest> requests = concur.requests();
            return requests.subList(Math.min(mark, requests.size()), requests.size()).stream()
                    .anyMatch(r -> r.path().startsWith("/financialintegration/"));
        });
    }

    /** Opens the app's store from the test JVM (after the instances stopped, for H2). */
    Store openStore() {
        return new Store(Database.open(DatabaseSettings.of(databaseUrl, "", "")), Clock.systemUTC(),
                new RetryPolicy(100, Duration.ofMillis(200), Duration.ofSeconds(2)));
    }

    /** The last lines of every instance's log, for a failure message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (AppProcess app : apps) {
            text.append("\n--- ").append(app.name()).append(" (").append(app.log()).append(") ---\n")
                    .append(app.logTail(30));
        }
        return text.toString();
    }

    @Override
    public void close() {
        apps.forEach(AppProcess::close);
        concur.close();
        infor.close();
        if (pgSchema != null) {
            pgSchema.close();
        }
        if (passed && !Boolean.getBoolean("crash.keep")) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
