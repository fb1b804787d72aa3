package io.mlconnector.app.store;

import io.mlconnector.app.secrets.SecretSanitizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The append-only audit trail. There is no update or delete here, and the database refuses both (trigger, migration
 * V2). Detail passes through {@link SecretSanitizer} before it is stored.
 */
public final class AuditTrail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEYS = "ess_event_id, report_id, fis_document_id, message_id";
    private static final String INSERT = "INSERT INTO audit_trail (at, " + KEYS + ", step, detail) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final Clock clock;

    public AuditTrail(Database database, Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.clock = clock;
    }

    /** Appends one entry. {@code detail} may be null, a {@link JsonNode}, a Map or any Jackson-serialisable value. */
    public long append(AuditKeys keys, String step, Object detail) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(step, "step");
        return jdbc.withConnection(c -> append(c, keys, step, detail));
    }

    /** Appends on the caller's connection (and transaction). */
    long append(Connection c, AuditKeys keys, String step, Object detail) throws SQLException {
        return Jdbc.insert(c, INSERT, row(new Entry(keys, step, detail), clock.instant()));
    }

    /** One entry to append: its keys, its step and its detail (as {@link #append(AuditKeys, String, Object)}). */
    record Entry(AuditKeys keys, String step, Object detail) {
        Entry {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(step, "step");
        }
    }

    /** Appends every entry on the caller's connection (and transaction), sent together. */
    void appendAll(Connection c, List<Entry> entries) throws SQLException {
        Instant at = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        for (Entry entry : entries) {
            rows.add(row(entry, at));
        }
        Jdbc.batch(c, INSERT, rows);
    }

    private static Object[] row(Entry entry, Instant at) {
        AuditKeys keys = entry.keys();
        return new Object[]{at, keys.essEventId(), keys.reportId(), keys.fisDocumentId(), keys.messageId(),
                SecretSanitizer.sanitizeText(entry.step()), toJson(entry.detail())};
    }

    /**
     * Every entry of the document(s) {@code id} names, oldest first. {@code id} may be an ESS event id, a Concur report
     * id, a FIS document id or an Infor messageId; entries sharing any key with a direct match are included, so a
     * messageId finds its document's whole trail.
     */
    public List<AuditEntry> trail(String id) {
        List<AuditEntry> direct = byAnyKey(Set.of(id));
        Set<String> related = new LinkedHashSet<>();
        related.add(id);
        for (AuditEntry e : direct) {
            addKeys(related, e.keys());
        }
        return related.size() == 1 ? direct : byAnyKey(related);
    }

    private List<AuditEntry> byAnyKey(Set<String> ids) {
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        String in = " IN (" + marks + ")";
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            args.addAll(ids);
        }
        return jdbc.query("SELECT * FROM audit_trail WHERE ess_event_id" + in + " OR report_id" + in
                + " OR fis_document_id" + in + " OR message_id" + in + " ORDER BY id", AuditTrail::entry, args.toArray());
    }

    private static void addKeys(Set<String> into, AuditKeys keys) {
        for (String k : new String[]{keys.essEventId(), keys.reportId(), keys.fisDocumentId()}) {
            if (k != null) {
                into.add(k);
            }
        }
    }

    private static String toJson(Object detail) {
        if (detail == null) {
            return null;
        }
        JsonNode node = detail instanceof JsonNode n ? n : JSON.valueToTree(detail);
        try {
            return JSON.writeValueAsString(SecretSanitizer.sanitize(node));
        } catch (JsonProcessingException e) {
            throw new StoreException("audit detail is not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        String detail = rs.getString("detail");
        JsonNode node;
        try {
            node = detail == null ? NullNode.getInstance() : JSON.readTree(detail);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored audit detail is not JSON", e);
        }
        AuditKeys keys = new AuditKeys(rs.getString("ess_event_id"), rs.getString("report_id"),
                rs.getString("fis_document_id"), rs.getString("message_id"));
        return new AuditEntry(rs.getLong("id"), Jdbc.instant(rs, "at"), keys, rs.getString("step"), node);
    }

    /** How many entries of {@code step} were written at or after {@code since}. */
    public long countSince(String step, java.time.Instant since) {
        return jdbc.queryOne("SELECT COUNT(*) FROM audit_trail WHERE step = ? AND at >= ?", rs -> rs.getLong(1), step,
                since).orElse(0L);
    }

    /** The newest entry of one of {@code steps}, if any. */
    public java.util.Optional<AuditEntry> latest(List<String> steps) {
        String marks = String.join(", ", Collections.nCopies(steps.size(), "?"));
        return jdbc.queryOne("SELECT * FROM audit_trail WHERE step IN (" + marks + ") ORDER BY id DESC LIMIT 1",
                AuditTrail::entry, steps.toArray());
    }
}
