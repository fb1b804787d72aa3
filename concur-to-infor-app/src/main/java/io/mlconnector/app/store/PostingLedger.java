package io.mlconnector.app.store;

import io.mlconnector.app.posting.PostingKind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row per posted chunk, keyed by its deterministic messageId, and one posting confirmation per FIS document.
 * Every state change is conditional on the current state ({@code UPDATE ... WHERE state = ?}), so of two workers racing
 * on a chunk exactly one advances it; the loser sees {@code false}.
 */
public final class PostingLedger {
    private final Jdbc jdbc;
    private final Clock clock;

    public PostingLedger(Database database, Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.clock = clock;
    }

    /**
     * Records the chunk as PENDING unless its messageId is already in the ledger; answers the stored row either way
     * (so a re-run after a crash continues from the recorded state instead of posting a second, different chunk).
     */
    public LedgerEntry plan(ChunkPlan chunk) {
        Instant now = clock.instant();
        jdbc.withConnection(c -> {
            try {
                return Jdbc.update(c, "INSERT INTO posting_ledger (fis_document_id, chunk_no, chunk_count, kind, "
                                + "reversal_of, message_id, bod_id, payload_hash, amount, currency, state, created_at, "
                                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        chunk.fisDocumentId(), chunk.chunkNo(), chunk.chunkCount(), chunk.kind(), chunk.reversalOf(),
                        chunk.messageId(),
                        chunk.bodId(), chunk.payloadHash(), chunk.amount(), chunk.currency(), ChunkState.PENDING, now, now);
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return 0;
                }
                throw e;
            }
        });
        return find(chunk.messageId()).orElseThrow(() -> new StoreException(
                "chunk " + chunk.messageId() + " was neither stored nor found"));
    }

    /** PENDING → SENT. Call it BEFORE the send: a crash after it leaves the chunk in doubt, never silently unsent. */
    public boolean markSent(String messageId) {
        return markSent(messageId, null);
    }

    /** PENDING → SENT by the worker {@code sentBy} (an app instance), so others can tell whether it may still be busy. */
    public boolean markSent(String messageId, String sentBy) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE posting_ledger SET state = 'SENT', sent_at = ?, sent_by = ?, updated_at = ? "
                + "WHERE message_id = ? AND state = 'PENDING'", now, sentBy, now, messageId) == 1;
    }

    /** SENT → ACCEPTED (ION took the message), with the Infor reference when there is one. */
    public boolean markAccepted(String messageId, String inforReference) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE posting_ledger SET state = 'ACCEPTED', infor_reference = ?, accepted_at = ?, "
                + "updated_at = ? WHERE message_id = ? AND state = 'SENT'", inforReference, now, now, messageId) == 1;
    }

    /**
     * ACCEPTED → ERP_CONFIRMED (the ERP's Acknowledge arrived, or M3 answered). Also from SENT: an answer can overtake
     * the recording of ION's 202, and it proves ION had the message.
     */
    public boolean markErpConfirmed(String messageId) {
        return transition(messageId, ChunkState.ACCEPTED, ChunkState.ERP_CONFIRMED, null)
                || transition(messageId, ChunkState.SENT, ChunkState.ERP_CONFIRMED, null);
    }

    /** ACCEPTED (or SENT, as above) → ERP_REJECTED with the ERP's reason. */
    public boolean markErpRejected(String messageId, String reason) {
        return transition(messageId, ChunkState.ACCEPTED, ChunkState.ERP_REJECTED, reason)
                || transition(messageId, ChunkState.SENT, ChunkState.ERP_REJECTED, reason);
    }

    /**
     * The chunk a BOD reference names: its BODID as sent, the same BODID with another verb (an answer repeats the
     * original BODID with the verb changed), or its messageId.
     */
    public Optional<LedgerEntry> findByReference(String reference) {
        Optional<LedgerEntry> exact = jdbc.queryOne("SELECT * FROM posting_ledger WHERE bod_id = ? OR message_id = ?",
                PostingLedger::entry, reference, reference);
        if (exact.isPresent() || !reference.contains("&verb=")) {
            return exact;
        }
        String asProcess = reference.replaceAll("&verb=[A-Za-z]+", "&verb=Process");
        String asSync = reference.replaceAll("&verb=[A-Za-z]+", "&verb=Sync");
        return jdbc.queryOne("SELECT * FROM posting_ledger WHERE bod_id = ? OR bod_id = ?", PostingLedger::entry,
                asProcess, asSync);
    }

    /** ACCEPTED chunks of {@code kinds}: ION has them, the ERP has not answered yet. */
    public long countAwaitingErp(java.util.Collection<PostingKind> kinds) {
        return kinds.stream().mapToLong(kind -> jdbc.queryOne("SELECT COUNT(*) FROM posting_ledger WHERE state = "
                + "'ACCEPTED' AND kind = ?", rs -> rs.getLong(1), kind).orElse(0L)).sum();
    }

    /** ACCEPTED chunks of {@code kinds} that ION accepted before {@code acceptedBefore}: the ERP has not answered. */
    public List<LedgerEntry> awaitingErp(java.util.Collection<PostingKind> kinds, Instant acceptedBefore) {
        return kinds.stream().flatMap(kind -> jdbc.query("SELECT * FROM posting_ledger WHERE state = 'ACCEPTED' "
                        + "AND kind = ? AND accepted_at < ? ORDER BY id", PostingLedger::entry, kind, acceptedBefore).stream())
                .toList();
    }

    /** PENDING or SENT → FAILED (a permanent failure of this chunk). */
    public boolean markFailed(String messageId, String error) {
        return transition(messageId, ChunkState.SENT, ChunkState.FAILED, error)
                || transition(messageId, ChunkState.PENDING, ChunkState.FAILED, error);
    }

    /** ACCEPTED or ERP_CONFIRMED → REVERSED (its reversing entry was accepted). */
    public boolean markReversed(String messageId) {
        return transition(messageId, ChunkState.ACCEPTED, ChunkState.REVERSED, null)
                || transition(messageId, ChunkState.ERP_CONFIRMED, ChunkState.REVERSED, null);
    }

    /** Moves the chunk from {@code from} to {@code to} only if it is in {@code from}; true if this call moved it. */
    public boolean transition(String messageId, ChunkState from, ChunkState to, String error) {
        return jdbc.update("UPDATE posting_ledger SET state = ?, last_error = COALESCE(?, last_error), updated_at = ? "
                + "WHERE message_id = ? AND state = ?", to, Inbox.truncate(error), clock.instant(), messageId, from) == 1;
    }

    public Optional<LedgerEntry> find(String messageId) {
        return jdbc.queryOne("SELECT * FROM posting_ledger WHERE message_id = ?", PostingLedger::entry, messageId);
    }

    /** The document's chunks, in the order they were planned. */
    public List<LedgerEntry> forDocument(String fisDocumentId) {
        return jdbc.query("SELECT * FROM posting_ledger WHERE fis_document_id = ? ORDER BY id",
                PostingLedger::entry, fisDocumentId);
    }

    /** Chunks whose send started but whose acceptance was never recorded: resolve these on restart. */
    public List<LedgerEntry> inDoubt() {
        return jdbc.query("SELECT * FROM posting_ledger WHERE state = 'SENT' ORDER BY id", PostingLedger::entry);
    }

    /** Chunks per state (every state present, zero when none). */
    public Map<ChunkState, Long> countByState() {
        Map<ChunkState, Long> counts = new EnumMap<>(ChunkState.class);
        for (ChunkState s : ChunkState.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) AS n FROM posting_ledger GROUP BY state",
                rs -> counts.put(ChunkState.valueOf(rs.getString("state")), rs.getLong("n")));
        return counts;
    }

    /**
     * Decides the document's posting confirmation. The first decision wins: a later call with another outcome answers
     * the stored record unchanged.
     */
    public ConfirmationRecord decideConfirmation(String fisDocumentId, ConfirmationRecord.Outcome outcome, String detail) {
        jdbc.withConnection(c -> {
            try {
                return Jdbc.update(c, "INSERT INTO posting_confirmation (fis_document_id, outcome, detail, state, created_at) "
                        + "VALUES (?, ?, ?, 'PENDING', ?)", fisDocumentId, outcome, detail, clock.instant());
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return 0;
                }
                throw e;
            }
        });
        return confirmation(fisDocumentId).orElseThrow();
    }

    /** PENDING → SENT; true for exactly one caller. */
    public boolean markConfirmationSent(String fisDocumentId) {
        return jdbc.update("UPDATE posting_confirmation SET state = 'SENT', sent_at = ? "
                + "WHERE fis_document_id = ? AND state = 'PENDING'", clock.instant(), fisDocumentId) == 1;
    }

    public Optional<ConfirmationRecord> confirmation(String fisDocumentId) {
        return jdbc.queryOne("SELECT * FROM posting_confirmation WHERE fis_document_id = ?",
                PostingLedger::confirmation, fisDocumentId);
    }

    static ConfirmationRecord confirmation(ResultSet rs) throws SQLException {
        return new ConfirmationRecord(rs.getString("fis_document_id"),
                ConfirmationRecord.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
                ConfirmationRecord.State.valueOf(rs.getString("state")), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "sent_at"));
    }

    static LedgerEntry entry(ResultSet rs) throws SQLException {
        ChunkPlan plan = new ChunkPlan(rs.getString("fis_document_id"), rs.getInt("chunk_no"), rs.getInt("chunk_count"),
                PostingKind.valueOf(rs.getString("kind")), rs.getString("reversal_of"), rs.getString("message_id"), rs.getString("bod_id"),
                rs.getString("payload_hash"), rs.getBigDecimal("amount"), rs.getString("currency"));
        return new LedgerEntry(rs.getLong("id"), plan, ChunkState.valueOf(rs.getString("state")),
                rs.getString("infor_reference"), rs.getString("last_error"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "sent_at"), rs.getString("sent_by"),
                Jdbc.instant(rs, "accepted_at"));
    }
}
