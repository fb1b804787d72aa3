package io.mlconnector.concur.api;

import io.mlconnector.concur.support.Databases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The durable token store over its shipped migrations on H2 and PostgreSQL. */
class JdbcTokenStoreTest {

    @Test
    void storeKeepsTheLatestStatePerKeyOnH2() throws SQLException {
        keepsTheLatestStatePerKey(Databases.h2());
    }

    @Test
    void storeKeepsTheLatestStatePerKeyOnPostgres() throws Exception {
        try (Databases.PgSchema pg = Databases.postgres("concur_store")) {
            keepsTheLatestStatePerKey(pg.dataSource());
        }
    }

    private static void keepsTheLatestStatePerKey(DataSource dataSource) throws SQLException {
        // given a schema that already holds another module's table and history
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE app_inbox (id VARCHAR(50) PRIMARY KEY)");
        }
        Databases.withConnectorSchema(dataSource);
        JdbcTokenStore store = new JdbcTokenStore(dataSource);
        Instant expiry = Instant.parse("2027-05-27T10:00:00Z");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // when
        store.save(new TokenState("company:c1", "refresh-1", expiry, URI.create("https://us2.api.concursolutions.com"),
                now));
        store.save(new TokenState("company:c1", "refresh-2", expiry.plusSeconds(60),
                URI.create("https://eu2.api.concursolutions.com"), now.plusSeconds(1)));
        store.save(new TokenState("user:u1", "refresh-u", null, URI.create("https://us2.api.concursolutions.com"), now));
        store.delete("user:u1");

        // then
        assertThat(store.load("company:c1")).hasValueSatisfying(s -> {
            assertThat(s.refreshToken()).isEqualTo("refresh-2");
            assertThat(s.refreshExpiresAt()).isEqualTo(expiry.plusSeconds(60));
            assertThat(s.geolocation()).isEqualTo(URI.create("https://eu2.api.concursolutions.com"));
            assertThat(s.updatedAt()).isEqualTo(now.plusSeconds(1));
        });
        assertThat(store.load("user:u1")).isEmpty();
        assertThat(store.load("company:unknown")).isEmpty();
    }
}
