package io.mlconnector.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What the webhook does with a delivery, within the request: a verified event is stored in the inbox together with
 * its "event received" audit entry (one transaction), a repeated ESS event id is audited as "duplicate delivery" and
 * creates no work, and a malformed or unverifiable delivery goes to quarantine.
 */
public final class Intake {
    private final Jdbc jdbc;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Quarantine quarantine;

    public Intake(Store store) {
        this.jdbc = new Jdbc(store.database().dataSource());
        this.inbox = store.inbox();
        this.audit = store.audit();
        this.quarantine = store.quarantine();
    }

    /**
     * Stores a verified event. Answers INSERTED (new work, audited "event received") or DUPLICATE (audited
     * "duplicate delivery"); either way the webhook answers 2xx. Raises {@link StoreException} when the database
     * cannot take it — then the webhook must answer 5xx so that Concur delivers again.
     */
    public InsertOutcome accept(InboxEvent event) {
        return store(event, (c, keys, detail) -> {
            inbox.insert(c, event);
            audit.append(c, keys, AuditStep.EVENT_RECEIVED, detail);
        });
    }

    /**
     * Stores a verified event this app does not handle, already set aside: the inbox row is IGNORED with
     * {@code reason}, and its "event received" and "ignored" audit entries go in the same transaction, so no worker
     * claims it. A repeated ESS event id is audited as "duplicate delivery", as in {@link #accept}.
     */
    public InsertOutcome setAside(InboxEvent event, String reason) {
        return store(event, (c, keys, detail) -> {
            inbox.insertIgnored(c, event, reason);
            audit.append(c, keys, AuditStep.EVENT_RECEIVED, detail);
            audit.append(c, keys, AuditStep.IGNORED, Map.of("reason", reason));
        });
    }

    /** Runs {@code writes} in one transaction; a repeated ESS event id is audited as "duplicate delivery" instead. */
    private InsertOutcome store(InboxEvent event, EventWrites writes) {
        AuditKeys keys = new AuditKeys(event.essEventId(), event.reportId(), event.fisDocumentId(), null);
        Map<String, String> detail = Map.of("topic", event.topic(), "eventType", event.eventType());
        try {
            jdbc.inTransaction(c -> {
                writes.write(c, keys, detail);
                return null;
            });
            return InsertOutcome.INSERTED;
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                audit.append(keys, AuditStep.DUPLICATE_DELIVERY, detail);
                return InsertOutcome.DUPLICATE;
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface EventWrites {
        void write(Connection c, AuditKeys keys, Map<String, String> detail) throws SQLException;
    }

    /** Keeps a refused delivery (raw bytes, reason, headers without secrets); answers the quarantine id. */
    public long quarantine(String reason, Map<String, List<String>> headers, byte[] body) {
        return quarantine.keep(reason, headers, body);
    }

    /** Keeps a refused delivery with at most {@code maxStoredBytes} of its body; answers the quarantine id. */
    public long quarantine(String reason, Map<String, List<String>> headers, byte[] body, String clientAddress,
                           int maxStoredBytes) {
        return quarantine.keep(reason, headers, body, clientAddress, maxStoredBytes);
    }
}
