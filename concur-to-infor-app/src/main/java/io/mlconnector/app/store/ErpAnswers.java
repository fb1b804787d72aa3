package io.mlconnector.app.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ERP's answers ION pushed to the IMS endpoint, stored within the push (so ION's 202 means durable) and applied to
 * the posting ledger afterwards. Unique on ION's messageId: a repeat delivery is answered 2xx and stored once.
 */
public final class ErpAnswers {
    /** NEW (stored, not applied yet) → APPLIED (matched a ledger chunk) or UNMATCHED (no chunk has its BODID). */
    public enum State { NEW, APPLIED, UNMATCHED }

    /** One stored answer. */
    public record Row(long id, String messageId, String documentName, String fromLogicalId, String payload,
                      State state, String outcome, Instant receivedAt) {
    }

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    public ErpAnswers(Database database, AuditTrail audit, Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the answer with its "ERP answer received" audit entry in one transaction. Answers INSERTED, or DUPLICATE
     * (audited as a repeat) when its messageId is already stored. Raises {@link StoreException} when the database
     * cannot take it: the push must then be answered 5xx so ION delivers again.
     */
    public InsertOutcome accept(String messageId, String documentName, String fromLogicalId, String tenantId,
                                String parameters, String payload) {
        AuditKeys keys = AuditKeys.event(null).withMessageId(messageId);
        Map<String, String> detail = Map.of("documentName", documentName, "fromLogicalId", fromLogicalId);
        try {
            jdbc.inTransaction(c -> {
                Jdbc.update(c, "INSERT INTO inbound_bod (message_id, document_name, from_logical_id, tenant_id, "
                                + "parameters, payload, state, received_at) VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?)",
                        messageId, documentName, fromLogicalId, tenantId, parameters, payload, clock.instant());
                return audit.append(c, keys, AuditStep.ERP_ANSWER_RECEIVED, detail);
            });
            return InsertOutcome.INSERTED;
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                audit.append(keys, AuditStep.ERP_ANSWER_REPEATED, detail);
                return InsertOutcome.DUPLICATE;
            }
            throw e;
        }
    }

    /** Stored answers not applied yet, oldest first. */
    public List<Row> unapplied(int max) {
        return jdbc.query("SELECT * FROM inbound_bod WHERE state = 'NEW' ORDER BY id LIMIT ?", ErpAnswers::row, max);
    }

    /** NEW → {@code state} with what applying did; false when another instance applied it first. */
    public boolean markApplied(long id, State state, String outcome) {
        return jdbc.update("UPDATE inbound_bod SET state = ?, outcome = ?, applied_at = ? WHERE id = ? AND state = 'NEW'",
                state, Inbox.truncate(outcome), clock.instant(), id) == 1;
    }

    public List<Row> all() {
        return jdbc.query("SELECT * FROM inbound_bod ORDER BY id", ErpAnswers::row);
    }

    /** Answers per state (every state present, zero when none). */
    public Map<State, Long> countByState() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) AS n FROM inbound_bod GROUP BY state",
                rs -> counts.put(State.valueOf(rs.getString("state")), rs.getLong("n")));
        return counts;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("message_id"), rs.getString("document_name"),
                rs.getString("from_logical_id"), rs.getString("payload"), State.valueOf(rs.getString("state")),
                rs.getString("outcome"), Jdbc.instant(rs, "received_at"));
    }
}
