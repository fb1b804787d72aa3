package io.mlconnector.concur.support;

import io.mlconnector.concur.api.ConcurSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Real databases for store tests: an H2 in-memory database, or a unique schema on the test PostgreSQL. */
public final class Databases {
    private Databases() {
    }

    /**
     * Applies the connector's shipped migrations the way a host would, statement by statement, so the tests see the
     * very scripts a host's Flyway runs.
     */
    public static DataSource withConnectorSchema(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String script : ConcurSchema.MIGRATIONS) {
                for (String statement : read(ConcurSchema.LOCATION + "/" + script).split(";")) {
                    String sql = statement.lines().filter(l -> !l.trim().startsWith("--"))
                            .reduce("", (a, b) -> a + "\n" + b).trim();
                    if (!sql.isEmpty()) {
                        s.execute(sql);
                    }
                }
            }
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply the connector schema: " + e.getMessage(), e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Databases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh named in-memory H2 database that lives until the JVM ends. */
    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:concur_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** A PostgreSQL schema of its own; close it to drop the schema. */
    public static final class PgSchema implements AutoCloseable {
        private final String url;
        private final String schema;

        private PgSchema(String url, String schema) {
            this.url = url;
            this.schema = schema;
        }

        public DataSource dataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            ds.setCurrentSchema(schema);
            return ds;
        }

        public String schema() {
            return schema;
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /**
     * Creates {@code t_<owner>_<random>} on ml.test.pg.url. Outside CI an empty URL skips the test; with CI=true an
     * empty URL fails it, and an unreachable database always fails it.
     */
    public static PgSchema postgres(String owner) throws SQLException {
        String url = System.getProperty("ml.test.pg.url", "");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url.isBlank() || url.contains("${")) {
            if (ci) {
                throw new IllegalStateException("CI=true but ml.test.pg.url / ML_TEST_PG_URL is not set");
            }
            Assumptions.abort("ml.test.pg.url is not set: PostgreSQL tests skipped outside CI");
        }
        String schema = "t_" + owner.toLowerCase() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // a configured but unreachable database fails the test (in CI and outside): only an empty URL skips
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new PgSchema(url, schema);
    }
}
