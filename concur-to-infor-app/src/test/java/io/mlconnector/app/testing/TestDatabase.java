package io.mlconnector.app.testing;

import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.store.Database;
import io.mlconnector.app.store.Dialect;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, isolated database for one test: an in-memory H2 database with a unique name, or a unique schema
 * {@code t_<test>_<random>} on the PostgreSQL of {@code ml.test.pg.url}, dropped on close. Without PostgreSQL the test
 * is skipped, except when {@code CI=true}: then it fails, so CI never passes a test it did not run.
 */
public final class TestDatabase implements AutoCloseable {
    private final DatabaseSettings settings;
    private final Dialect dialect;
    private final List<Database> opened = new ArrayList<>();

    private TestDatabase(DatabaseSettings settings, Dialect dialect) {
        this.settings = settings;
        this.dialect = dialect;
    }

    public static TestDatabase create(Dialect dialect, String testName) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String clean = testName.toLowerCase().replaceAll("[^a-z0-9]", "");
        String name = "t_" + clean.substring(0, Math.min(20, clean.length())) + "_" + suffix;
        if (dialect == Dialect.H2) {
            return new TestDatabase(DatabaseSettings.of("jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""), dialect);
        }
        String url = postgresUrl();
        return new TestDatabase(DatabaseSettings.of(url, "", "").withSchema(name), dialect);
    }

    /** The PostgreSQL URL, or the test is skipped (outside CI) / failed (CI=true) when there is none reachable. */
    public static String postgresUrl() {
        String url = System.getProperty("ml.test.pg.url", "");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url.isBlank() || url.startsWith("${")) {
            if (ci) {
                throw new AssertionError("CI=true but ml.test.pg.url (env ML_TEST_PG_URL) is not set");
            }
            Assumptions.abort("PostgreSQL not configured (ML_TEST_PG_URL)");
        }
        try (Connection ignored = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            if (ci) {
                throw new AssertionError("CI=true but PostgreSQL is unreachable at " + masked(url) + ": " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL unreachable: " + e.getMessage());
            return url;
        }
    }

    private static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Opens (and migrates) a database on this test's schema; each call is a separate pool, like another app instance. */
    public Database open() {
        Database db = Database.open(settings.withConnectionTimeout(Duration.ofSeconds(5)));
        opened.add(db);
        return db;
    }

    /** Runs SQL with a plain driver connection on this test's schema (to act behind the repositories' back). */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public Connection connect() throws SQLException {
        Connection c = settings.user().isEmpty() ? DriverManager.getConnection(settings.url())
                : DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        if (!settings.schema().isEmpty()) {
            c.setSchema(settings.schema());
        }
        return c;
    }

    @Override
    public void close() throws SQLException {
        opened.forEach(Database::close);
        if (dialect == Dialect.POSTGRESQL) {
            try (Connection c = DriverManager.getConnection(settings.url()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
            }
        } else {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }
}
