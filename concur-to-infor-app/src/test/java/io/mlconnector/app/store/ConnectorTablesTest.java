package io.mlconnector.app.store;

import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.concur.api.ConcurSchema;
import io.mlconnector.concur.api.JdbcTokenStore;
import io.mlconnector.concur.api.TokenState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The app applies the Concur connector's shipped token-store migrations beside its own, in their own history table. */
@ParameterizedClass
@EnumSource(Dialect.class)
class ConnectorTablesTest {
    @Parameter
    Dialect dialect;

    private TestDatabase testDb;

    @BeforeEach
    void createDatabase() {
        testDb = TestDatabase.create(dialect, "connector_tables");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        testDb.close();
    }

    @Test
    void openingTheDatabaseTwiceMigratesTheTokenStoreOnce() throws SQLException {
        // given the database opened by one instance, then by a second one
        testDb.open();
        Database second = testDb.open();

        // when the connector's token store is used on it
        JdbcTokenStore store = new JdbcTokenStore(second.dataSource());
        store.save(new TokenState("company:c1", "refresh-1", null, URI.create("https://us2.api.concursolutions.com"),
                Instant.parse("2026-12-01T00:00:00Z")));

        // then the table is there and every connector migration is recorded once, in the connector's history table
        assertThat(store.load("company:c1")).hasValueSatisfying(s -> assertThat(s.refreshToken()).isEqualTo("refresh-1"));
        try (Connection c = second.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + ConcurSchema.HISTORY_TABLE
                     + "\" WHERE \"success\" AND \"version\" <> '0'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(ConcurSchema.MIGRATIONS.size());
        }
    }
}
