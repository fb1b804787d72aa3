package io.mlconnector.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mlconnector.concur.api.ConcurSchema;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The pipeline's database: a HikariCP pool over H2 or PostgreSQL, migrated by Flyway on open
 * ({@code db/migration} for both, {@code db/vendor/<vendor>} for the append-only trigger).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Opens the pool and applies pending migrations. Raises {@link StoreException} when that fails. */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect = Dialect.fromUrl(settings.url());
        HikariDataSource pool = pool(settings);
        try {
            migrate(pool, dialect, settings.schema());
            if (dialect == Dialect.H2) {
                writeEveryCommit(pool);
            }
            return new Database(pool, dialect);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("database migration failed for " + dialect + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("cannot make H2 write every commit (SET WRITE_DELAY 0 needs an admin user): "
                    + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ml-connector-db");
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        if (!settings.schema().isEmpty()) {
            config.setSchema(settings.schema());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(settings.connectionTimeout().toMillis(), 5000)));
        // Fail on first use, not at construction: the app may start before the database and report "not ready".
        config.setInitializationFailTimeout(-1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot create the connection pool: " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource dataSource, Dialect dialect, String schema) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + dialect.vendor());
        if (!schema.isEmpty()) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        flyway.load().migrate();
        migrateConnectorTables(dataSource, schema);
    }

    /** The Concur connector ships its token-store DDL as versioned scripts; they keep their own history table. */
    private static void migrateConnectorTables(DataSource dataSource, String schema) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + ConcurSchema.LOCATION)
                .table(ConcurSchema.HISTORY_TABLE)
                // the schema holds the app's tables already; baseline at 0 so V1 still runs
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (!schema.isEmpty()) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
    }

    // H2's MVStore writes committed transactions to the file in the background, WRITE_DELAY (500 ms) later: a killed
    // process loses commits it already reported, e.g. an inbox row whose event ESS was answered 2xx for (found by the
    // kill -9 crash test; h2database issue #1259). 0 writes each commit before it returns. The setting is persistent.
    private static void writeEveryCommit(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when a connection can be taken from the pool and answers a validity check. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
