package io.mlconnector.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deliveries the webhook refused (malformed, unverifiable): the raw body byte for byte, the reason, and the headers
 * without the secret ones, so nothing a sender sent is lost and nothing secret is kept.
 */
public final class Quarantine {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One quarantined delivery. */
    public record Delivery(long id, Instant receivedAt, String reason, Map<String, List<String>> headers, byte[] body) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public Quarantine(Database database, Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.clock = clock;
    }

    /** Keeps the delivery; answers its quarantine id. */
    public long keep(String reason, Map<String, List<String>> headers, byte[] body) {
        String headerJson;
        try {
            headerJson = JSON.writeValueAsString(SecretSanitizer.sanitizeHeaders(headers));
        } catch (JsonProcessingException e) {
            throw new StoreException("headers are not serialisable", e);
        }
        return jdbc.insert("INSERT INTO quarantine (received_at, reason, headers, body) VALUES (?, ?, ?, ?)",
                clock.instant(), truncate(reason), headerJson, body);
    }

    public List<Delivery> recent(int max) {
        return jdbc.query("SELECT * FROM quarantine ORDER BY id DESC LIMIT ?", Quarantine::delivery, max);
    }

    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM quarantine", rs -> rs.getLong(1)).orElse(0L);
    }

    private static String truncate(String reason) {
        String r = reason == null ? "unspecified" : reason;
        return r.length() <= 1000 ? r : r.substring(0, 1000);
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        Map<String, List<String>> headers;
        try {
            headers = JSON.readValue(rs.getString("headers"), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("stored headers are not JSON", e);
        }
        return new Delivery(rs.getLong("id"), Jdbc.instant(rs, "received_at"), rs.getString("reason"), headers,
                rs.getBytes("body"));
    }

    /** One page of the quarantined deliveries, newest first. */
    public Page<Delivery> page(int offset, int limit) {
        return new Page<>(jdbc.query("SELECT * FROM quarantine ORDER BY id DESC LIMIT ? OFFSET ?", Quarantine::delivery,
                limit, offset), offset, limit, count());
    }
}
