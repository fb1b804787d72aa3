package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.testing.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database one end-to-end test gives the app through {@code database.url}: an H2 file database in the test's temp
 * directory, or a schema {@code t_e2e_<random>} of its own on the PostgreSQL of {@code ml.test.pg.url} (created here,
 * dropped on close). Without PostgreSQL the test is skipped, or failed when {@code CI=true} ({@link TestDatabase}).
 */
final class E2eDatabase implements AutoCloseable {
    private final Dialect dialect;
    private final String url;
    private final String schema;
    private final String adminUrl;

    private E2eDatabase(Dialect dialect, String url, String schema, String adminUrl) {
        this.dialect = dialect;
        this.url = url;
        this.schema = schema;
        this.adminUrl = adminUrl;
    }

    static E2eDatabase create(Dialect dialect, Path tempDir) {
        if (dialect == Dialect.H2) {
            return new E2eDatabase(dialect, "jdbc:h2:file:" + tempDir.resolve("ml-connector").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "", "");
        }
        String pg = TestDatabase.postgresUrl();
        String schema = "t_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(pg, "CREATE SCHEMA " + schema);
        // the app's configuration has no schema key: PgJDBC's currentSchema puts every connection (and Flyway) in it
        return new E2eDatabase(dialect, pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema, pg);
    }

    Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL for {@code database.url}. */
    String url() {
        return url;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (dialect == Dialect.POSTGRESQL) {
            execute(adminUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
