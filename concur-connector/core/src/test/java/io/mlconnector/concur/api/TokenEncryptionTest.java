package io.mlconnector.concur.api;

import io.mlconnector.concur.support.Databases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token store's rows are AES-GCM ciphertext: unreadable without the key, readable with it. */
class TokenEncryptionTest {
    private static final URI US2 = URI.create("https://us2.api.concursolutions.com");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void storedTokensAreUnreadableWithoutTheKeyAndReadableWithIt() throws SQLException {
        // given
        DataSource db = schema();
        String key = TokenEncryption.newKey();
        JdbcTokenStore store = new JdbcTokenStore(db, TokenEncryption.withKey(key));
        // when
        store.save(new TokenState("company:c1", "refresh-SECRET-1", null, US2, NOW, "access-SECRET-2",
                NOW.plusSeconds(3600)));
        // then the database holds neither token
        String row = rawRow(db, "company:c1");
        assertThat(row).doesNotContain("SECRET").contains(TokenEncryption.PREFIX);
        // and a store with the same key (a restart) reads them back
        assertThat(new JdbcTokenStore(db, TokenEncryption.withKey(key)).load("company:c1")).hasValueSatisfying(s -> {
            assertThat(s.refreshToken()).isEqualTo("refresh-SECRET-1");
            assertThat(s.accessToken()).isEqualTo("access-SECRET-2");
        });
    }

    @Test
    void aRestartWithAWrongOrMissingKeyFailsClearly() throws SQLException {
        // given tokens encrypted under one key
        DataSource db = schema();
        new JdbcTokenStore(db, TokenEncryption.withKey(TokenEncryption.newKey()))
                .save(new TokenState("company:c1", "refresh-SECRET-1", null, US2, NOW));
        // then another key is refused at start-up, naming the problem and not the token
        JdbcTokenStore wrongKey = new JdbcTokenStore(db, TokenEncryption.withKey(TokenEncryption.newKey()));
        assertThatThrownBy(wrongKey::encryptStoredTokens).isInstanceOf(ConcurException.class)
                .hasMessageContaining("do not decrypt with the configured key").hasMessageNotContaining("SECRET")
                .satisfies(e -> assertThat(((ConcurException) e).type()).isEqualTo(ConcurErrorType.CONFIGURATION));
        // and so is no key at all
        assertThatThrownBy(() -> new JdbcTokenStore(db).load("company:c1")).isInstanceOf(ConcurException.class)
                .hasMessageContaining("encrypted and this token store has no key");
        assertThatThrownBy(() -> TokenEncryption.withKey("")).hasMessageContaining("not set");
        assertThatThrownBy(() -> TokenEncryption.withKey("c2hvcnQ=")).hasMessageContaining("16, 24 or 32");
    }

    @Test
    void tokensStoredInClearByAnOlderVersionAreEncryptedAtStartUp() throws SQLException {
        // given a plain store
        DataSource db = schema();
        new JdbcTokenStore(db).save(new TokenState("company:c1", "refresh-SECRET-1", null, US2, NOW,
                "access-SECRET-2", NOW.plusSeconds(3600)));
        assertThat(rawRow(db, "company:c1")).contains("refresh-SECRET-1");
        String key = TokenEncryption.newKey();
        // when the new version starts with a key
        int encrypted = new JdbcTokenStore(db, TokenEncryption.withKey(key)).encryptStoredTokens();
        // then the rows are ciphertext and the tokens are still there
        assertThat(encrypted).isEqualTo(1);
        assertThat(rawRow(db, "company:c1")).doesNotContain("SECRET");
        assertThat(new JdbcTokenStore(db, TokenEncryption.withKey(key)).load("company:c1"))
                .hasValueSatisfying(s -> assertThat(s.accessToken()).isEqualTo("access-SECRET-2"));
    }

    private static DataSource schema() throws SQLException {
        DataSource db = Databases.h2();
        Databases.withConnectorSchema(db);
        return db;
    }

    private static String rawRow(DataSource db, String key) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT refresh_token, access_token FROM concur_token_state "
                     + "WHERE token_key = '" + key + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }
}
