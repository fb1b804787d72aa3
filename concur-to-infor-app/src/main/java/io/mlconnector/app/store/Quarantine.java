package io.mlconnector.app.store;

import io.mlconnector.app.secrets.SecretSanitizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Deliveries the webhook refused (malformed, unverifiable): the reason, the headers without the secret ones, the
 * sender's address, the body's size and SHA-256, and the body itself up to a cap the caller chooses (the whole body
 * when Concur signed it, the first few KB when nobody did), so nothing Concur sent is lost, nothing secret is kept,
 * and nobody can fill the database by posting garbage.
 */
public final class Quarantine {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One quarantined delivery. {@code body} is what was kept of it; {@code bodyBytes} and {@code bodySha256} describe
     * the whole body as received (null for rows kept before they were recorded).
     */
    public record Delivery(long id, Instant receivedAt, String reason, Map<String, List<String>> headers, byte[] body,
                           Long bodyBytes, String bodySha256, String clientAddress) {
        public boolean truncated() {
            return bodyBytes != null && body != null && body.length < bodyBytes;
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public Quarantine(Database database, Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.clock = clock;
    }

    /** Keeps the whole delivery; answers its quarantine id. */
    public long keep(String reason, Map<String, List<String>> headers, byte[] body) {
        return keep(reason, headers, body, "unknown", Integer.MAX_VALUE);
    }

    /** Keeps the delivery with at most {@code maxStoredBytes} of its body; answers its quarantine id. */
    public long keep(String reason, Map<String, List<String>> headers, byte[] body, String clientAddress,
                     int maxStoredBytes) {
        String headerJson;
        try {
            headerJson = JSON.writeValueAsString(SecretSanitizer.sanitizeHeaders(headers));
        } catch (JsonProcessingException e) {
            throw new StoreException("headers are not serialisable", e);
        }
        byte[] kept = body.length <= maxStoredBytes ? body : Arrays.copyOf(body, maxStoredBytes);
        return jdbc.insert("INSERT INTO quarantine (received_at, reason, headers, body, body_bytes, body_sha256,"
                        + " client_address) VALUES (?, ?, ?, ?, ?, ?, ?)", clock.instant(), truncate(reason), headerJson,
                kept, (long) body.length, sha256(body), clientAddress.length() <= 100 ? clientAddress
                        : clientAddress.substring(0, 100));
    }

    public List<Delivery> recent(int max) {
        return jdbc.query("SELECT * FROM quarantine ORDER BY id DESC LIMIT ?", Quarantine::delivery, max);
    }

    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM quarantine", rs -> rs.getLong(1)).orElse(0L);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        long bodyBytes = rs.getLong("body_bytes");
        return new Delivery(rs.getLong("id"), Jdbc.instant(rs, "received_at"), rs.getString("reason"), headers,
                rs.getBytes("body"), rs.wasNull() ? null : bodyBytes, rs.getString("body_sha256"),
                rs.getString("client_address"));
    }

    /** One page of the quarantined deliveries, newest first. */
    public Page<Delivery> page(int offset, int limit) {
        return new Page<>(jdbc.query("SELECT * FROM quarantine ORDER BY id DESC LIMIT ? OFFSET ?", Quarantine::delivery,
                limit, offset), offset, limit, count());
    }
}
