package io.mlconnector.app.store;

import io.mlconnector.app.secrets.SecretSanitizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Documents a finance user must fix, OPEN until resolved (by a successful replay or by hand). */
public final class ExceptionRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbc jdbc;
    private final Clock clock;

    public ExceptionRecords(Database database, Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.clock = clock;
    }

    /** Opens a record; {@code codes} are the offending codes (e.g. the unknown GL accounts). Answers its id. */
    public long open(AuditKeys keys, String reason, List<String> codes, String detail) {
        return jdbc.insert("INSERT INTO exception_record (ess_event_id, report_id, fis_document_id, reason, codes, "
                        + "detail, state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                keys.essEventId(), keys.reportId(), keys.fisDocumentId(), reason,
                codesJson(codes), SecretSanitizer.sanitizeText(detail), clock.instant());
    }

    /** OPEN → RESOLVED; true if this call resolved it. */
    public boolean resolve(long id) {
        return jdbc.update("UPDATE exception_record SET state = 'RESOLVED', resolved_at = ? WHERE id = ? AND state = 'OPEN'",
                clock.instant(), id) == 1;
    }

    /** Resolves every open record of the document {@code key} names (ESS event, FIS document or report id). */
    public int resolveFor(String key) {
        return jdbc.update("UPDATE exception_record SET state = 'RESOLVED', resolved_at = ? WHERE state = 'OPEN' "
                + "AND (ess_event_id = ? OR fis_document_id = ? OR report_id = ?)", clock.instant(), key, key, key);
    }

    /** Resolves the document's open records of one {@code reason}; answers how many. */
    public int resolveFor(String fisDocumentId, String reason) {
        return jdbc.update("UPDATE exception_record SET state = 'RESOLVED', resolved_at = ? WHERE state = 'OPEN' "
                + "AND fis_document_id = ? AND reason = ?", clock.instant(), fisDocumentId, reason);
    }

    /** True when the document has an open record of {@code reason}. */
    public boolean isOpen(String fisDocumentId, String reason) {
        return jdbc.queryOne("SELECT COUNT(*) FROM exception_record WHERE state = 'OPEN' AND fis_document_id = ? "
                + "AND reason = ?", rs -> rs.getLong(1), fisDocumentId, reason).orElse(0L) > 0;
    }

    public List<ExceptionRecord> open() {
        return jdbc.query("SELECT * FROM exception_record WHERE state = 'OPEN' ORDER BY id", ExceptionRecords::record);
    }

    public List<ExceptionRecord> forDocument(String key) {
        return jdbc.query("SELECT * FROM exception_record WHERE ess_event_id = ? OR fis_document_id = ? OR report_id = ? "
                + "ORDER BY id", ExceptionRecords::record, key, key, key);
    }

    public Optional<ExceptionRecord> find(long id) {
        return jdbc.queryOne("SELECT * FROM exception_record WHERE id = ?", ExceptionRecords::record, id);
    }

    private static String codesJson(List<String> codes) {
        try {
            return JSON.writeValueAsString(codes);
        } catch (JsonProcessingException e) {
            throw new StoreException("exception codes are not serialisable", e);
        }
    }

    private static List<String> codes(String json) throws SQLException {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("stored exception codes are not a JSON array", e);
        }
    }

    private static ExceptionRecord record(ResultSet rs) throws SQLException {
        return new ExceptionRecord(rs.getLong("id"), rs.getString("ess_event_id"), rs.getString("report_id"),
                rs.getString("fis_document_id"), rs.getString("reason"), codes(rs.getString("codes")), rs.getString("detail"),
                ExceptionRecord.State.valueOf(rs.getString("state")), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "resolved_at"));
    }

    /** One page of the records in {@code state}, newest first. */
    public Page<ExceptionRecord> page(ExceptionRecord.State state, int offset, int limit) {
        long total = jdbc.queryOne("SELECT COUNT(*) FROM exception_record WHERE state = ?", rs -> rs.getLong(1), state)
                .orElse(0L);
        return new Page<>(jdbc.query("SELECT * FROM exception_record WHERE state = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                ExceptionRecords::record, state, limit, offset), offset, limit, total);
    }
}
