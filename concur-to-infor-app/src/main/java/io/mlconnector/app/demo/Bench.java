package io.mlconnector.app.demo;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.LoggingSettings;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.ops.Logging;
import io.mlconnector.app.pipeline.ConcurToInforApplication;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.Intake;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.Delivery;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.infor.InforSandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code ml-connector bench}: both sandboxes, the ION gateway limited to a rate, the app with its settings (told the
 * gateway's rate) on a fresh database, an ERP that acknowledges each supplier invoice 20 ms after ION took it, and
 * generated documents Concur approves at once. Prints what the issue of throughput asks for: documents/s, ION calls/s
 * against the limit, 429s, delivered → confirmation latency, webhook intake at 8/32/64 connections against the same
 * insert transaction, one per event, through the same pool, and peak heap. The sandboxes run in the same JVM, so the
 * figures include their work (and their heap).
 */
final class Bench {
    private static final int[] CONNECTIONS = {8, 32, 64};
    private static final Path BENCH_DIR = Path.of("data", "bench");
    private static final String INTAKE_TOPIC = "public.test";
    /** Different seeds, so the warm-up's reports and invoices do not share ids with the measured ones. */
    private static final long WARM_UP_SEED = 20261205L;
    private static final long MEASURED_SEED = 20261206L;
    /** What the app records for the bench's events, which it does not handle. */
    private static final String NOT_HANDLED = "topic " + INTAKE_TOPIC + " / ping is not handled";

    private final AppConfig baseConfig;
    private final BenchOptions options;

    Bench(AppConfig baseConfig, BenchOptions options) {
        this.baseConfig = baseConfig;
        this.options = options;
    }

    int run(PrintWriter out) {
        LoggingSettings logging = baseConfig.settings().logging();
        Logging.configure(logging.json(),
                baseConfig.source("logging.level") == AppConfig.Source.DEFAULT ? "ERROR" : logging.level());
        HeapSampler heap = HeapSampler.start();
        try (BenchDatabase database = BenchDatabase.create(options.databaseUrl());
             ConcurSandbox concur = ConcurSandbox.start(); InforSandbox infor = InforSandbox.start()) {
            infor.gatewayThrottle().limit(options.callsPerSecond());
            AppConfig config = AppConfig.load(null, SandboxKeys.asEnvironment(keys(concur, infor, database)));
            try (ConcurToInforApplication app = new ConcurToInforApplication(config)) {
                app.start();
                // the ERP behind ION acknowledges each supplier invoice through the app's IMS endpoint
                infor.erp().deliverTo(app.imsUri()).delay(Duration.ofMillis(20));
                app.subscribe(app.webhookUri(), new PrintWriter(
                        java.io.Writer.nullWriter()));
                printHeader(out, config, database);
                boolean allPosted = pipeline(out, app, concur, infor);
                intake(out, app, concur);
                out.printf(Locale.ROOT, "%-34s %d MB (sandboxes included)%n", "peak heap used", heap.stop() >> 20);
                out.flush();
                return allPosted ? 0 : 1;
            }
        }
    }

    /**
     * The settings the operator chose (a {@code --config} file, {@code ML_} variables: worker count, pool size...),
     * then what points the app at the sandboxes and the bench's database, which win.
     */
    private Map<String, String> keys(ConcurSandbox concur, InforSandbox infor, BenchDatabase database) {
        Map<String, String> keys = new LinkedHashMap<>(baseConfig.chosenValues());
        keys.putAll(SandboxKeys.of(concur, infor));
        keys.put("database.url", database.url());
        keys.put("mapping.file", writeDefaultMapping().toString());
        keys.put("webhook.host", "127.0.0.1");
        keys.put("webhook.port", "0");
        keys.put("admin.port", "0");
        keys.put("infor.rate-limit", Integer.toString(options.callsPerSecond() * 60));
        keys.put("logging.level", baseConfig.settings().logging().level());
        return keys;
    }

    private void printHeader(PrintWriter out, AppConfig config, BenchDatabase database) {
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "ml-connector bench: %d generated documents, ION gateway limited to %d calls/s%n",
                options.documents(), options.callsPerSecond());
        out.printf(Locale.ROOT, "machine: %d cores, load average %.1f at start, %s %s, Java %s, max heap %d MB%n",
                rt.availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                rt.maxMemory() >> 20);
        out.printf(Locale.ROOT, "app: database %s; %d workers, pool %d, poll %s, infor.rate-limit %d/min%n",
                database.description(), config.settings().worker().count(), config.settings().database().poolSize(),
                config.settings().worker().pollInterval(), config.settings().infor().rateLimit());
        out.flush();
    }

    // ---- pipeline: approval → posted and confirmed --------------------------------------------------------------------

    /**
     * Posts the warm-up documents and waits for them, unmeasured: a fresh JVM interprets the pipeline's code and
     * compiles it on the same two cores during its first seconds, which a long-running app has done long before.
     */
    private void warmUp(PrintWriter out, ConcurSandbox concur) {
        if (options.warmUpDocuments() == 0) {
            return;
        }
        List<String> docIds = generate(concur, options.warmUpDocuments(), WARM_UP_SEED);
        Instant started = Instant.now();
        docIds.forEach(concur.fis()::approve);
        Duration timeout = postingTimeout(options.warmUpDocuments());
        Instant finished = awaitPosted(concur, docIds, timeout);
        out.printf(Locale.ROOT, "%nwarm-up (not measured)             %d of %d documents posted in %.1f s%n",
                countPosted(concur, docIds), docIds.size(), Duration.between(started, finished).toNanos() / 1e9);
        out.flush();
    }

    private boolean pipeline(PrintWriter out, ConcurToInforApplication app, ConcurSandbox concur, InforSandbox infor) {
        warmUp(out, concur);
        List<String> docIds = generate(concur, options.documents(), MEASURED_SEED);
        long refusedBefore = infor.gatewayThrottle().refusedCount();
        long admittedBefore = infor.gatewayThrottle().admittedCount();
        Instant started = Instant.now();
        Map<String, String> eventOfDocument = new HashMap<>();
        for (String id : docIds) {
            eventOfDocument.put(id, concur.fis().approve(id));
        }
        Duration timeout = postingTimeout(options.documents());
        Instant finished = awaitPosted(concur, docIds, timeout);
        long posted = countPosted(concur, docIds);
        boolean allPosted = posted == docIds.size();
        double seconds = Duration.between(started, finished).toNanos() / 1e9;
        long admitted = infor.gatewayThrottle().admittedCount() - admittedBefore;
        long refused = infor.gatewayThrottle().refusedCount() - refusedBefore;
        double callsPerSecond = admitted / seconds;

        out.println();
        out.println("pipeline (Concur approves every document at once)");
        out.printf(Locale.ROOT, "%-34s %d of %d%s%n", "documents posted and confirmed", posted, docIds.size(),
                allPosted ? "" : " (gave up after " + timeout.toSeconds() + " s)");
        out.printf(Locale.ROOT, "%-34s %.1f  (%d in %.1f s, first approval to last posted)%n", "documents/s",
                posted / seconds, posted, seconds);
        out.printf(Locale.ROOT, "%-34s %.1f mean, %d busiest second (%.0f %% of the limit)%n",
                "ION calls/s (limit " + options.callsPerSecond() + ")", callsPerSecond,
                busiestSecond(infor, started, finished), 100 * callsPerSecond / options.callsPerSecond());
        out.printf(Locale.ROOT, "%-34s %d%n", "ION 429 answers", refused);
        out.printf(Locale.ROOT, "%-34s %s%n", "ION calls, second by second", callsPerSecond(infor, started, finished)
                .values().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        long[] latencies = deliveredToConfirmation(app, concur, eventOfDocument);
        out.printf(Locale.ROOT, "%-34s p50 %d ms, p95 %d ms, p99 %d ms (%d documents)%n",
                "delivered -> confirmation", percentile(latencies, 50), percentile(latencies, 95),
                percentile(latencies, 99), latencies.length);
        out.flush();
        return allPosted;
    }

    /** How long to wait for {@code documents} to post: a minute, plus five times their time at one gateway call each. */
    private Duration postingTimeout(int documents) {
        return Duration.ofSeconds(60 + 5L * documents / options.callsPerSecond());
    }

    /** Expense reports (1 to 5 entries) and invoices (1 to 3 lines) from the sandbox's generator, two to one. */
    private static List<String> generate(ConcurSandbox concur, int count, long seed) {
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(seed);
        List<String> docIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docIds.add(i % 3 == 2 ? concur.fis().add("invoice", generator.invoice(1 + i % 3))
                    : concur.fis().add("expense", generator.expenseReport(1 + i % 5)));
        }
        return docIds;
    }

    /**
     * Waits until Concur shows every document posted; answers when the last one was (or the timeout). Looks only at
     * the documents not yet posted, five times a second: the sandbox's FIS state is behind one lock its API handlers
     * share, and a tight loop over all of them would slow the very calls being measured.
     */
    private static Instant awaitPosted(ConcurSandbox concur, List<String> docIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> waiting = new HashSet<>(docIds);
        Instant lastPosted = Instant.now();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            if (waiting.removeIf(id -> concur.fis().state(id) == FisState.POSTED)) {
                lastPosted = Instant.now();
            }
        }
        return lastPosted;
    }

    private static long countPosted(ConcurSandbox concur, List<String> docIds) {
        return docIds.stream().filter(id -> concur.fis().state(id) == FisState.POSTED).count();
    }

    private static long busiestSecond(InforSandbox infor, Instant from, Instant to) {
        return callsPerSecond(infor, from, to).values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** ION gateway calls in each second from {@code from} to {@code to}, quiet seconds included. */
    private static Map<Long, Long> callsPerSecond(InforSandbox infor, Instant from, Instant to) {
        Pattern gateway = Pattern.compile(infor.ionPathRegex() + "|" + infor.m3PathRegex());
        Map<Long, Long> perSecond = new TreeMap<>();
        for (SimRequest request : infor.requests()) {
            if (gateway.matcher(request.path()).matches() && !request.receivedAt().isBefore(from)
                    && !request.receivedAt().isAfter(to)) {
                perSecond.merge(request.receivedAt().getEpochSecond(), 1L, Long::sum);
            }
        }
        for (long second = from.getEpochSecond(); second <= to.getEpochSecond(); second++) {
            perSecond.putIfAbsent(second, 0L);
        }
        return perSecond;
    }

    /** From ESS's successful delivery of the approval event to the posting confirmation the app sent Concur. */
    private static long[] deliveredToConfirmation(ConcurToInforApplication app, ConcurSandbox concur,
                                                  Map<String, String> eventOfDocument) {
        Map<String, Instant> delivered = new HashMap<>();
        for (Delivery d : concur.events().deliveries()) {
            if (d.httpStatus() >= 200 && d.httpStatus() < 300) {
                delivered.merge(d.eventId(), d.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Long> millis = new ArrayList<>();
        eventOfDocument.forEach((docId, eventId) -> {
            Optional<ConfirmationRecord> confirmation = app.store().ledger().confirmation(docId);
            Instant at = delivered.get(eventId);
            if (at != null && confirmation.isPresent() && confirmation.get().sentAt() != null) {
                millis.add(Duration.between(at, confirmation.get().sentAt()).toMillis());
            }
        });
        return millis.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    // ---- webhook intake against the same insert through the same pool -------------------------------------------------

    private void intake(PrintWriter out, ConcurToInforApplication app, ConcurSandbox concur) {
        out.println();
        out.printf(Locale.ROOT, "webhook intake, %d signed events per row (events/s, p50/p99 ms)%n",
                options.intakeEvents());
        out.printf(Locale.ROOT, "%-16s %-26s %-30s %s%n", "connections", "app (HTTP, verify, store)",
                "baseline (1 tx/event, pool)", "app/baseline");
        Intake sameInsert = new Intake(app.store());
        PrivateKey key = concur.webhookSigningKeys().getPrivate();
        for (int connections : CONNECTIONS) {
            List<SignedEvent> events = sign(key, options.intakeEvents());
            awaitInboxDrained(app);
            // the transaction the webhook runs for these events, one per event as pgbench would run it: stored
            // already set aside, so the workers take none of them (with accept, they would claim and set aside each
            // one while the baseline runs); the webhook groups concurrent deliveries into shared transactions
            Run baseline = run(connections, events.size(), i -> sameInsert.setAsideAlone(inboxEvent(events.get(i)),
                    NOT_HANDLED));
            awaitInboxDrained(app);
            List<SignedEvent> posted = sign(key, options.intakeEvents());
            Run webhook = runHttp(app.webhookUri(), connections, posted);
            out.printf(Locale.ROOT, "%-16d %-26s %-30s %.0f %%%s%n", connections, webhook, baseline,
                    100 * webhook.perSecond() / baseline.perSecond(),
                    webhook.failures() > 0 ? "  (" + webhook.failures() + " non-2xx answers)" : "");
            out.flush();
        }
    }

    private record SignedEvent(String id, byte[] body, String signature) {
    }

    private static List<SignedEvent> sign(PrivateKey key, int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            String id = UUID.randomUUID().toString();
            byte[] body = ("{\"id\":\"" + id + "\",\"correlationId\":\"" + UUID.randomUUID() + "\",\"route\":\"stable\","
                    + "\"eventType\":\"ping\",\"topic\":\"" + INTAKE_TOPIC + "\",\"timeStamp\":\"" + Instant.now()
                    + "\",\"facts\":{\"note\":\"ml-connector bench\"}}").getBytes(StandardCharsets.UTF_8);
            return new SignedEvent(id, body, signature(key, body));
        }).toList();
    }

    private static String signature(PrivateKey key, byte[] body) {
        try {
            Signature s = Signature.getInstance(ConcurSandbox.SIGNATURE_ALGORITHM);
            s.initSign(key);
            s.update(body);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a bench event", e);
        }
    }

    private static InboxEvent inboxEvent(SignedEvent event) {
        return new InboxEvent(event.id(), INTAKE_TOPIC, "ping", null, null,
                new String(event.body(), StandardCharsets.UTF_8));
    }

    /** The bench's own events are ignored by the workers; the next row starts once they are all worked off. */
    private static void awaitInboxDrained(ConcurToInforApplication app) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (app.store().inbox().depth() > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
    }

    private record Run(double perSecond, long p50Micros, long p99Micros, int failures) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%7.0f/s %5.1f/%5.1f", perSecond, p50Micros / 1000.0, p99Micros / 1000.0);
        }
    }

    private interface Call {
        void run(int index) throws Exception;
    }

    private static Run run(int threads, int count, Call call) {
        long[] micros = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        long t0 = System.nanoTime();
                        try {
                            call.run(i);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        micros[i] = (System.nanoTime() - t0) / 1000;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("bench run failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(micros);
        return new Run(count / seconds, percentile(micros, 50), percentile(micros, 99), failures.get());
    }

    /**
     * Each thread keeps one HTTP/1.1 connection of its own, written and read on that thread, as ESS's senders do
     * from their own machines. The JDK's HttpClient was the first client: per request it hands the exchange between
     * the calling thread, its selector thread and its executor, and on this shared 2-core machine those hand-offs
     * cost the bench's client as much CPU time as the app spent answering, on the same cores.
     */
    private static Run runHttp(URI webhook, int connections, List<SignedEvent> events) {
        Queue<KeepAliveConnection> opened = new ConcurrentLinkedQueue<>();
        ThreadLocal<KeepAliveConnection> connection = ThreadLocal.withInitial(() -> {
            KeepAliveConnection c = new KeepAliveConnection(webhook);
            opened.add(c);
            return c;
        });
        AtomicLong notOk = new AtomicLong();
        try {
            Run run = run(connections, events.size(), i -> {
                SignedEvent event = events.get(i);
                if (connection.get().post(event.body(), event.signature()) / 100 != 2) {
                    notOk.incrementAndGet();
                }
            });
            return new Run(run.perSecond(), run.p50Micros(), run.p99Micros(), run.failures() + (int) notOk.get());
        } finally {
            opened.forEach(KeepAliveConnection::close);
        }
    }

    /** One keep-alive HTTP/1.1 connection to the webhook: a signed POST, its whole answer read, again. */
    private static final class KeepAliveConnection implements AutoCloseable {
        private final URI webhook;
        private Socket socket;
        private BufferedInputStream in;
        private OutputStream out;

        KeepAliveConnection(URI webhook) {
            this.webhook = webhook;
        }

        /** Posts the event and answers the status; reconnects when the server closed the connection. */
        int post(byte[] body, String signature) throws IOException {
            if (socket == null) {
                socket = new Socket(webhook.getHost(), webhook.getPort());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            }
            byte[] head = ("POST " + webhook.getRawPath() + " HTTP/1.1\r\nHost: " + webhook.getHost() + ":"
                    + webhook.getPort() + "\r\nContent-Type: application/json\r\nConcur-Signature: " + signature
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            String status = line();
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else {
                in.skipNBytes(length);
            }
            if (close) {
                close();
            }
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the bench is over for this connection
                }
                socket = null;
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Path writeDefaultMapping() {
        try {
            Files.createDirectories(BENCH_DIR);
            return Files.writeString(BENCH_DIR.resolve("mapping.yaml"), Mapping.defaultMappingText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Samples the used heap every 50 ms; {@link #stop()} answers the most seen, in bytes. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        long stop() {
            running = false;
            thread.interrupt();
            return peak.get();
        }
    }

    /**
     * A fresh embedded H2 database under {@code data/bench}, or a fresh schema on the given PostgreSQL ({@code schema}
     * null for H2).
     */
    private record BenchDatabase(String url, ScratchSchema schema, String description) implements AutoCloseable {

        static BenchDatabase create(String postgresUrl) {
            if (postgresUrl.isEmpty()) {
                Path file = BENCH_DIR.resolve("db-" + System.currentTimeMillis()).resolve("ml-connector");
                return new BenchDatabase(DatabaseSettings.embeddedH2Url(file), null, "embedded H2 (the default)");
            }
            ScratchSchema schema = ScratchSchema.create(postgresUrl, "mlc_bench_");
            return new BenchDatabase(schema.url(), schema,
                    "PostgreSQL (schema " + schema.name() + ", dropped afterwards)");
        }

        @Override
        public void close() {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
