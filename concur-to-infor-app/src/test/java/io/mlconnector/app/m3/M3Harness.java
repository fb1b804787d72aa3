package io.mlconnector.app.m3;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.demo.SandboxKeys;
import io.mlconnector.app.mapping.fixtures.FisDocuments;
import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.pipeline.ConcurToInforApplication;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.store.Store;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.infor.InforSandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Both sandboxes and the app on a fresh in-memory H2 database with {@code infor.posting-mode=M3_REST}, subscribed to
 * Concur's FIS events like the demo; plus a second handle on the app's store for what a test must see or seed.
 */
final class M3Harness implements AutoCloseable {
    final ConcurSandbox concur = ConcurSandbox.start();
    final InforSandbox infor = InforSandbox.start();
    final AppConfig config;
    private final Map<String, String> keys;
    final Store store;
    private ConcurToInforApplication app;

    private final Mapping mapping;

    M3Harness(Path dir, Map<String, String> extraKeys) {
        this(dir, Mapping.defaultMappingText(), extraKeys);
    }

    M3Harness(Path dir, String mappingYaml, Map<String, String> extraKeys) {
        mapping = Mapping.parse(mappingYaml, "test mapping", java.time.Clock.systemUTC());
        keys = new LinkedHashMap<>(SandboxKeys.of(concur, infor));
        keys.put("database.url", "jdbc:h2:mem:m3_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        keys.put("database.user", "sa");
        keys.put("mapping.file", write(dir.resolve("mapping.yaml"), mappingYaml).toString());
        keys.put("webhook.host", "127.0.0.1");
        keys.put("webhook.port", "0");
        keys.put("admin.port", "0");
        keys.put("worker.poll-interval", "100ms");
        keys.put("worker.backoff-initial", "200ms");
        keys.put("infor.posting-mode", "M3_REST");
        keys.putAll(extraKeys);
        config = AppConfig.load(null, SandboxKeys.asEnvironment(keys));
        store = Store.open(config.settings().database(), config.settings().worker().retryPolicy());
    }

    /** Starts the app and subscribes its webhook to the configured topics. */
    M3Harness start() {
        app = new ConcurToInforApplication(config);
        app.start();
        Map<String, String> subscriberKeys = new LinkedHashMap<>(keys);
        subscriberKeys.put("webhook.public-url", app.webhookUri().toString());
        try (ConcurToInforApplication subscriber = new ConcurToInforApplication(AppConfig.load(null, SandboxKeys.asEnvironment(subscriberKeys)))) {
            subscriber.subscribe(new PrintWriter(new StringWriter()));
        }
        return this;
    }

    /** Final approval in Concur, then waits for Concur to hold a posting confirmation for every document. */
    void approveAndAwaitConfirmations(List<String> docIds) {
        docIds.forEach(concur.fis()::approve);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                docIds.stream().allMatch(id -> !concur.fis().postingConfirmations(id).isEmpty()));
    }

    /** The document as the app's mapping maps it (amounts read as BigDecimal, scale kept). */
    AccountingDocument mapped(String docId) {
        try {
            JsonNode document = FisSamples.JSON.readTree(concur.fis().document(docId).toString());
            return mapping.map(FisDocuments.of(docId, docType(document), document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String docType(JsonNode document) {
        if (document.has("requestHeader")) {
            return "invoice";
        }
        return document.has("cashAdvanceData") ? "cashadvance" : "expense";
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        store.close();
        infor.close();
        concur.close();
    }
}
