package io.mlconnector.concur.api;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * The connector's own tables (the token store), managed by Flyway migrations shipped in this module under
 * {@code classpath:db/concur-connector/} with their own history table, so they coexist with the app's migrations in
 * the same schema. Works on H2 and PostgreSQL.
 */
public final class ConcurSchema {
    public static final String LOCATION = "classpath:db/concur-connector";
    public static final String HISTORY_TABLE = "flyway_history_concur_connector";

    private ConcurSchema() {
    }

    /**
     * Applies the pending connector migrations to the data source's default schema.
     *
     * @throws ConcurException CONFIGURATION when the migration fails (database unreachable, no permission)
     */
    public static void migrate(DataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    // the schema usually holds the app's tables already; baseline at 0 so V1 still runs
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION,
                    "concur-connector schema migration failed: " + e.getMessage(), e);
        }
    }
}
