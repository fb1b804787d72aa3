package io.mlconnector.app.nonfis;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.demo.SandboxKeys;
import io.mlconnector.app.pipeline.ConcurToInforApplication;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.Store;
import io.mlconnector.sandbox.concur.ConcurEvents;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.infor.ImsMessage;
import io.mlconnector.sandbox.infor.InforSandbox;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Both sandboxes and the app on a fresh in-memory H2 database, subscribed to the three topics, with a second store
 * on the same database for the test's assertions (inbox, ledger, audit trail, exception records).
 */
final class NonFisPipeline implements AutoCloseable {
    private static final Set<InboxState> FINAL = Set.of(InboxState.DONE, InboxState.IGNORED, InboxState.DEAD);

    final ConcurSandbox concur;
    final InforSandbox infor;
    final ConcurToInforApplication app;
    final Store store;

    NonFisPipeline(ConcurSandboxSettings settings, String approvalStatuses) {
        concur = ConcurSandbox.start(settings);
        infor = InforSandbox.start();
        Map<String, String> keys = new LinkedHashMap<>(SandboxKeys.of(concur, infor));
        keys.put("database.url", "jdbc:h2:mem:nonfis_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        keys.put("mapping.file", defaultMappingFile().toString());
        keys.put("webhook.host", "127.0.0.1");
        keys.put("webhook.port", "0");
        keys.put("admin.port", "0");
        keys.put("worker.poll-interval", "100ms");
        keys.put("worker.backoff-initial", "300ms");
        keys.put("concur.topics", String.join(",", ConcurEvents.TOPIC_FIS, ConcurEvents.TOPIC_EXPENSE_REPORT,
                ConcurEvents.TOPIC_INVOICE_PAYMENT_REQUEST));
        keys.put("concur.approval-statuses", approvalStatuses);
        AppConfig config = AppConfig.load(null, SandboxKeys.asEnvironment(keys));
        app = new ConcurToInforApplication(config);
        app.start();
        store = Store.open(config.settings().database(), config.settings().worker().retryPolicy());
        for (String topic : config.settings().concur().topics()) {
            concur.events().subscribe("mlc-" + topic.replace('.', '-'), topic, ".*", app.webhookUri());
        }
    }

    /** Waits until Concur delivered everything and the app finished every inbox row (done, ignored or dead). */
    void awaitQuiet() {
        concur.events().awaitIdle(Duration.ofSeconds(20));
        await("every inbox row finished", () -> store.inbox().depth() == 0);
    }

    InboxEntry inboxRow(String essEventId) {
        await("event " + essEventId + " stored", () -> store.inbox().findByEssEventId(essEventId).isPresent());
        await("event " + essEventId + " finished", () -> FINAL.contains(
                store.inbox().findByEssEventId(essEventId).orElseThrow().state()));
        return store.inbox().findByEssEventId(essEventId).orElseThrow();
    }

    /** ION messages whose document id is a chunk of {@code documentId} (concur-<documentId>-…). */
    List<ImsMessage> messagesOf(String documentId) {
        return infor.messages().stream().filter(m -> m.documentId() != null
                && m.documentId().startsWith("concur-" + documentId + "-")).toList();
    }

    void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what + "; inbox: " + inboxSummary());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }

    private String inboxSummary() {
        return store.inbox().countByState().toString();
    }

    /** One JournalEntryLine of a SourceSystemJournalEntry BOD. */
    record BodLine(String glAccount, String costCenter, String flag, BigDecimal amount) {
        BigDecimal signed() {
            return "D".equals(flag) ? amount : amount.negate();
        }
    }

    static List<BodLine> journalLines(ImsMessage message) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(message.payload()));
            NodeList lines = xml.getElementsByTagName("JournalEntryLine");
            List<BodLine> result = new ArrayList<>();
            for (int i = 0; i < lines.getLength(); i++) {
                Element line = (Element) lines.item(i);
                result.add(new BodLine(text(line, "GLNominalAccount"), text(line, "DimensionCode"),
                        text(line, "DebitCreditFlag"), new BigDecimal(text(line, "Amount"))));
            }
            return result;
        } catch (Exception e) {
            throw new AssertionError("BOD " + message.messageId() + " is not readable XML: " + e, e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    @Override
    public void close() {
        app.close();
        store.close();
        infor.close();
        concur.close();
    }

    /** The shipped default mapping, written to a file as a customer would have it. */
    private static java.nio.file.Path defaultMappingFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("nonfis-mapping", ".yaml");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.writeString(file, io.mlconnector.app.mapping.Mapping.defaultMappingText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
