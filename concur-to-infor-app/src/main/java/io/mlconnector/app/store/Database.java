package io.mlconnector.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.JdbcUrls;
import io.mlconnector.concur.api.ConcurSchema;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pipeline's database: a HikariCP pool over H2 or PostgreSQL, migrated by Flyway on open
 * ({@code db/migration} for both, {@code db/vendor/<vendor>} for the append-only trigger).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;

    private final String description;
    private final Optional<EmbeddedH2Housekeeping> housekeeping;

    private Database(HikariDataSource dataSource, Dialect dialect, String description,
                     Optional<EmbeddedH2Housekeeping> housekeeping) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
        this.housekeeping = housekeeping;
    }

    /** Opens the pool and applies pending migrations. Raises {@link StoreException} when that fails. */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect = Dialect.fromUrl(settings.url());
        if (dialect == Dialect.H2) {
            EmbeddedH2.bindServersToLoopback();
        }
        Optional<Path> h2File = JdbcUrls.h2File(settings.url());
        h2File.ifPresent(EmbeddedH2::createOwnerOnlyFolder);
        DatabaseSettings effective = h2File.isPresent() ? EmbeddedH2.settings(settings) : settings;
        HikariDataSource pool = pool(effective);
        try {
            migrate(pool, dialect, settings.schema());
            h2File.ifPresent(EmbeddedH2::restrictFilesToOwner);
            Optional<EmbeddedH2Housekeeping> housekeeping = EmbeddedH2.writesEveryCommit(effective.url())
                    ? Optional.of(EmbeddedH2Housekeeping.start(pool, effective.url())) : Optional.empty();
            return new Database(pool, dialect, describe(dialect, effective.url(), h2File), housekeeping);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("database migration failed for " + dialect + ": "
                    + JdbcUrls.maskedIn(e.getMessage()), e);
        }
    }

    private static String describe(Dialect dialect, String url, Optional<Path> h2File) {
        return h2File.map(file -> "embedded H2 file database " + file + ".mv.db (single instance: one app process "
                        + "works on it; " + (EmbeddedH2.writesEveryCommit(url)
                        ? "every commit is written to the file before it returns, and the file is compacted while open)"
                        : "commits reach the file up to WRITE_DELAY=" + JdbcUrls.setting(url, "WRITE_DELAY").orElse("")
                        + " ms late, so a crash can lose acknowledged events)"))
                .orElse(dialect + " " + JdbcUrls.masked(url));
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

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** What the start-up log says about the database: which one, and for the embedded default that it serves one instance. */
    public String description() {
        return description;
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
        housekeeping.ifPresent(EmbeddedH2Housekeeping::close);
        dataSource.close();
    }
}
