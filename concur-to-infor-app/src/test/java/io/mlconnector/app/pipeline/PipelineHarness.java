package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.demo.SandboxKeys;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.Store;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.infor.ImsMessage;
import io.mlconnector.sandbox.infor.InforSandbox;
import io.mlconnector.sandbox.infor.InforSandboxSettings;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The whole product on one machine: both sandboxes over real HTTP, the real {@link ConcurToInforApplication} (Camel
 * Main) on a database of its own, and an ESS subscription to the app's webhook. Timings are shortened through the
 * app's configuration keys so a test waits for milliseconds, not the production seconds.
 */
final class PipelineHarness implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String ADMIN_TOKEN = "e2e-admin-token";

    final ConcurSandbox concur;
    final InforSandbox infor;
    final ConcurToInforApplication app;
    final Path mappingFile;
    private final E2eDatabase database;
    private final AppConfig config;
    private final List<ConcurToInforApplication> otherInstances = new java.util.ArrayList<>();

    private PipelineHarness(ConcurSandbox concur, InforSandbox infor, E2eDatabase database, Path mappingFile,
                            ConcurToInforApplication app, AppConfig config) {
        this.concur = concur;
        this.infor = infor;
        this.database = database;
        this.mappingFile = mappingFile;
        this.app = app;
        this.config = config;
    }

    /** Starts one more app instance on the same database and sandboxes (its inbox workers share the inbox). */
    ConcurToInforApplication startAnotherInstance() {
        ConcurToInforApplication other = new ConcurToInforApplication(config);
        otherInstances.add(other);
        other.start();
        return other;
    }

    static Builder on(Dialect dialect, Path tempDir) {
        return new Builder(dialect, tempDir);
    }

    static final class Builder {
        private final Dialect dialect;
        private final Path tempDir;
        private ConcurSandboxSettings concurSettings = ConcurSandboxSettings.defaults();
        private InforSandboxSettings inforSettings = InforSandboxSettings.defaults();
        private final Map<String, String> config = new LinkedHashMap<>();
        private String mappingYaml = Mapping.defaultMappingText();
        private IntConsumer exit = status -> {
            throw new AssertionError("the app tried to end the process with status " + status);
        };

        private Builder(Dialect dialect, Path tempDir) {
            this.dialect = dialect;
            this.tempDir = tempDir;
        }

        Builder concur(ConcurSandboxSettings settings) {
            this.concurSettings = settings;
            return this;
        }

        Builder infor(InforSandboxSettings settings) {
            this.inforSettings = settings;
            return this;
        }

        /** The customer's mapping file (default: the shipped mapping). */
        Builder mapping(String yaml) {
            this.mappingYaml = yaml;
            return this;
        }

        /** Overrides one configuration key of the app (e.g. {@code infor.max-lines-per-chunk}). */
        Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        /** What ends the process after an Error in a worker (default: fail the test). */
        Builder exit(IntConsumer exit) {
            this.exit = exit;
            return this;
        }

        PipelineHarness start() {
            E2eDatabase database = E2eDatabase.create(dialect, tempDir);
            ConcurSandbox concur = null;
            InforSandbox infor = null;
            ConcurToInforApplication app = null;
            try {
                concur = ConcurSandbox.start(concurSettings);
                infor = InforSandbox.start(inforSettings);
                Path mapping = writeMapping(tempDir, mappingYaml);
                Map<String, String> keys = new LinkedHashMap<>(SandboxKeys.of(concur, infor));
                keys.put("database.url", database.url());
                keys.put("database.pool-size", "6");
                keys.put("mapping.file", mapping.toString());
                keys.put("webhook.host", "127.0.0.1");
                keys.put("webhook.port", "0");
                keys.put("admin.host", "127.0.0.1");
                keys.put("admin.port", "0");
                keys.put("admin.token", ADMIN_TOKEN);
                keys.put("worker.count", "2");
                keys.put("worker.poll-interval", "50ms");
                keys.put("worker.lease", "30s");
                keys.put("worker.backoff-initial", "100ms");
                keys.put("worker.backoff-max", "500ms");
                keys.put("ims.apply-interval", "50ms");
                keys.putAll(config);
                AppConfig appConfig = AppConfig.load(null, SandboxKeys.asEnvironment(keys));
                app = new ConcurToInforApplication(appConfig, exit);
                app.start();
                // the ERP behind ION answers every Process BOD through the app's IMS endpoint
                infor.erp().deliverTo(app.imsUri()).delay(Duration.ofMillis(20));
                app.subscribe(app.webhookUri(), new PrintWriter(Writer.nullWriter()));
                return new PipelineHarness(concur, infor, database, mapping, app, appConfig);
            } catch (RuntimeException | Error e) {
                closeAll(app, concur, infor, database);
                throw e;
            }
        }
    }

    private static Path writeMapping(Path dir, String yaml) {
        try {
            return Files.writeString(dir.resolve("mapping.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Services services() {
        return app.services();
    }

    Store store() {
        return services().store;
    }

    /** Concur final-approves the document: FIS marks it READY and ESS publishes readyForIntegration. */
    String approve(String fisDocumentId) {
        return concur.fis().approve(fisDocumentId);
    }

    /** Waits until Concur has the document in {@code state} (POSTED, FAILED …). */
    void awaitFisState(String fisDocumentId, FisState state) {
        await().untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(concur.fis().state(fisDocumentId))
                .as("FIS state of %s", fisDocumentId).isEqualTo(state));
    }

    /**
     * Waits until every ESS delivery is answered and the app's inbox holds no unfinished work, so what Concur and
     * Infor recorded afterwards is final (a late duplicate would otherwise still be on its way).
     */
    void awaitQuiet() {
        concur.events().awaitIdle(TIMEOUT);
        await().until(() -> store().inbox().depth() == 0
                && store().inbox().countByState().get(InboxState.IN_PROGRESS) == 0);
    }

    /** The messages ION accepted for one FIS document (its chunk ids, hence documentIds, carry the FIS id). */
    List<ImsMessage> messagesOf(String fisDocumentId) {
        return infor.messages().stream().filter(m -> m.documentId() != null && m.documentId().contains(fisDocumentId))
                .toList();
    }

    static ConditionFactory await() {
        return Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(25)).pollDelay(Duration.ZERO);
    }

    @Override
    public void close() {
        otherInstances.forEach(ConcurToInforApplication::close);
        closeAll(app, concur, infor, database);
    }

    private static void closeAll(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing " + r.getClass().getSimpleName() + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
