package io.mlconnector.app.store;

import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Dialect.class)
class RetentionTest {
    private static final Duration QUARANTINE_AGE = Duration.ofDays(30);
    private static final Duration INBOX_BODY_AGE = Duration.ofDays(90);

    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private MutableClock clock;
    private Store store;

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "retention");
        clock = MutableClock.atSecondPrecision();
        store = new Store(testDb.open(), clock, new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void oldQuarantineRowsAndOldBodiesOfDoneInboxRowsArePurgedAndThePurgeIsAudited() {
        // given, 100 days ago: a quarantined delivery, a finished event and an event still failing
        store.quarantine().keep("401 bad signature", Map.of(), bytes("old garbage"));
        long done = insertAndClaim("evt-old-done");
        store.inbox().complete(done, "w");
        long failing = insertAndClaim("evt-old-failing");
        store.inbox().deadLetter(failing, "w", "unknown GL account");
        // and, 10 days ago, a second quarantined delivery and a second finished event
        clock.advance(Duration.ofDays(90));
        store.quarantine().keep("401 bad signature", Map.of(), bytes("recent garbage"));
        long recent = insertAndClaim("evt-recent-done");
        store.inbox().complete(recent, "w");
        clock.advance(Duration.ofDays(10));

        // when the retention runs
        Retention.Purged purged = new Retention(store, clock).purge(QUARANTINE_AGE, INBOX_BODY_AGE);

        // then only the old quarantine row is gone, only the old DONE row lost its body, the rest is untouched
        assertThat(purged).isEqualTo(new Retention.Purged(1, 1));
        assertThat(store.quarantine().recent(10)).extracting(q -> new String(q.body(), StandardCharsets.UTF_8))
                .containsExactly("recent garbage");
        assertThat(body(done)).isEmpty();
        assertThat(store.inbox().find(done).orElseThrow().state()).isEqualTo(InboxState.DONE);
        assertThat(body(failing)).isEqualTo("{\"id\":\"evt-old-failing\"}");
        assertThat(body(recent)).isEqualTo("{\"id\":\"evt-recent-done\"}");
        // and the purge is in the audit trail with its counts; a second run finds nothing and writes nothing
        assertThat(auditedPurges()).singleElement().satisfies(detail -> {
            assertThat(detail.path("quarantinedDeliveriesDeleted").asInt()).isEqualTo(1);
            assertThat(detail.path("inboxBodiesCleared").asInt()).isEqualTo(1);
        });
        assertThat(new Retention(store, clock).purge(QUARANTINE_AGE, INBOX_BODY_AGE).any()).isFalse();
        assertThat(auditedPurges()).hasSize(1);
    }

    @Test
    void anUnsignedBodyIsKeptAsItsSizeDigestAndFirstBytes() {
        // given a 1 MiB body and a cap of 4 KiB
        byte[] body = new byte[1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');

        // when it is quarantined
        store.quarantine().keep("401 missing Concur-Signature", Map.of("x-forwarded-for", List.of("10.0.0.1")), body,
                "192.0.2.7", 4096);

        // then only the first 4 KiB are stored, with the size and SHA-256 of the whole and the sender
        Quarantine.Delivery kept = store.quarantine().recent(1).get(0);
        assertThat(kept.body()).hasSize(4096);
        assertThat(kept.bodyBytes()).isEqualTo(1024L * 1024);
        assertThat(kept.truncated()).isTrue();
        assertThat(kept.bodySha256()).isEqualTo(sha256(body));
        assertThat(kept.clientAddress()).isEqualTo("192.0.2.7");
    }

    private long insertAndClaim(String eventId) {
        new Intake(store).accept(new InboxEvent(eventId, "public.concur.financialintegration",
                "expense.readyForIntegration", "FIS-" + eventId, null, "{\"id\":\"" + eventId + "\"}"));
        return store.inbox().claim(1, "w", Duration.ofMinutes(5)).get(0).id();
    }

    private String body(long inboxId) {
        return store.inbox().find(inboxId).orElseThrow().event().body();
    }

    /** The details of every retention purge in the audit trail. */
    private List<JsonNode> auditedPurges() {
        List<JsonNode> details = new ArrayList<>();
        try (Connection c = testDb.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT detail FROM audit_trail WHERE step = ?")) {
            ps.setString(1, AuditStep.RETENTION_PURGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    details.add(new ObjectMapper().readTree(rs.getString(1)));
                }
            }
            return details;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
