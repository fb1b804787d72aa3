package io.mlconnector.app.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.app.secrets.SecretSanitizer;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Dialect.class)
class AuditTrailTest {
    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private Database database;
    private AuditTrail audit;

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "audit");
        database = testDb.open();
        audit = new AuditTrail(database, MutableClock.atSecondPrecision());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void aMessageIdFindsTheWholeTrailOfItsDocument() {
        // given the steps of one document, each filed under the keys known at that step, and another document
        audit.append(new AuditKeys("evt-1", null, "FIS-1", null), "event received", Map.of("topic", "fis"));
        audit.append(new AuditKeys(null, "RPT-1", "FIS-1", null), "document fetched", Map.of("sha256", "ab12"));
        audit.append(new AuditKeys(null, null, "FIS-1", "msg-1"), "chunk accepted", Map.of("chunk", 1));
        audit.append(new AuditKeys("evt-2", null, "FIS-2", null), "event received", null);
        // when the trail is asked for by the Infor messageId, the report id and the ESS event id
        List<AuditEntry> byMessage = audit.trail("msg-1");
        List<AuditEntry> byReport = audit.trail("RPT-1");
        List<AuditEntry> byEvent = audit.trail("evt-1");
        // then each answers the document's three steps in order, and nothing of the other document
        assertThat(byMessage).extracting(AuditEntry::step)
                .containsExactly("event received", "document fetched", "chunk accepted");
        assertThat(byReport).isEqualTo(byMessage);
        assertThat(byEvent).isEqualTo(byMessage);
        assertThat(byMessage.get(2).detail().get("chunk").asInt()).isEqualTo(1);
        assertThat(audit.trail("unknown")).isEmpty();
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditEntries() throws SQLException {
        // given an entry
        long id = audit.append(AuditKeys.document("FIS-1"), "acknowledged", null);
        // when someone updates or deletes it behind the repository's back
        try (Connection c = testDb.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_trail SET step = 'forged' WHERE id = " + id))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_trail WHERE id = " + id))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        // then the entry is unchanged
        assertThat(audit.trail("FIS-1")).extracting(AuditEntry::step).containsExactly("acknowledged");
    }

    @Test
    void secretLookingValuesInDetailAreNeverStored() throws Exception {
        // given detail that carries secrets at several depths and a bearer token inside text
        Map<String, Object> detail = Map.of(
                "clientSecret", "cs-SUPERSECRET-1",
                "nested", Map.of("access_token", "at-SUPERSECRET-2", "refreshToken", "rt-SUPERSECRET-3"),
                "ionapi", Map.of("sask", "sask-SUPERSECRET-4", "ci", "public-client-id"),
                "note", "called with Authorization: Bearer eyJSUPERSECRET5abcdef",
                "password", "pw-SUPERSECRET-6");
        // when it is appended
        audit.append(AuditKeys.document("FIS-1"), "token refreshed", detail);
        // then no stored byte contains a secret, while the harmless fields remain
        String stored = rawDetail();
        assertThat(stored).doesNotContain("SUPERSECRET").contains("public-client-id").contains(SecretSanitizer.REDACTED);
        assertThat(new ObjectMapper().readTree(stored).path("ionapi").path("ci").asText()).isEqualTo("public-client-id");
    }

    @Test
    void quarantineKeepsTheRawBodyByteForByteWithoutSecretHeaders() {
        // given a malformed delivery (not even UTF-8) with an Authorization header
        Quarantine quarantine = new Quarantine(database, MutableClock.atSecondPrecision());
        byte[] body = {'{', '"', (byte) 0xC3, (byte) 0x28, 0, '}'};
        Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer abcdefghijklmnop"),
                "Concur-Signature", List.of("c2lnbmF0dXJl"), "Content-Type", List.of("application/json"));
        // when it is kept
        long id = quarantine.keep("malformed JSON at line 1", headers, body);
        // then the bytes are identical, the reason is kept, and the secret header is gone
        Quarantine.Delivery kept = quarantine.recent(10).get(0);
        assertThat(kept.id()).isEqualTo(id);
        assertThat(kept.body()).isEqualTo(body);
        assertThat(kept.reason()).isEqualTo("malformed JSON at line 1");
        assertThat(kept.headers()).containsKeys("Concur-Signature", "Content-Type").doesNotContainKey("Authorization");
    }

    @Test
    void exceptionRecordStaysOpenUntilResolvedAndNamesItsCodesAndReplayKey() {
        // given a document with two unknown GL accounts
        ExceptionRecords records = new ExceptionRecords(database, MutableClock.atSecondPrecision());
        long id = records.open(new AuditKeys("evt-7", "RPT-7", "FIS-7", null), "UNKNOWN_GL_ACCOUNT",
                List.of("6999", "CC,9"), "GL accounts unknown in accounting entity 100");
        // when / then it is open with its codes and replay key
        ExceptionRecord open = records.open().get(0);
        assertThat(open.id()).isEqualTo(id);
        assertThat(open.codes()).containsExactly("6999", "CC,9");
        assertThat(open.replayKey()).isEqualTo("evt-7");
        // and resolving by the document id closes it once
        assertThat(records.resolveFor("FIS-7")).isEqualTo(1);
        assertThat(records.resolve(id)).isFalse();
        assertThat(records.open()).isEmpty();
        assertThat(records.find(id).orElseThrow().state()).isEqualTo(ExceptionRecord.State.RESOLVED);
    }

    private String rawDetail() throws SQLException {
        try (Connection c = testDb.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT detail, step FROM audit_trail")) {
            rs.next();
            return rs.getString(1) + rs.getString(2);
        }
    }
}
