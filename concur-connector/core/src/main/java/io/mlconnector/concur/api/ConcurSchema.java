package io.mlconnector.concur.api;

import java.util.List;

/**
 * The connector's own tables (the token store of {@link JdbcTokenStore}), shipped as versioned SQL scripts under
 * {@code classpath:db/concur-connector/} for the host application to apply with its migration tool (Flyway reads the
 * folder as it is). Keep them in their own history table, {@link #HISTORY_TABLE}, so they coexist with the host's
 * migrations in one schema. The scripts are portable SQL (H2 and PostgreSQL); one statement per line end {@code ;}.
 */
public final class ConcurSchema {
    /** Classpath folder of the migrations, in Flyway's {@code V<n>__<name>.sql} naming. */
    public static final String LOCATION = "db/concur-connector";
    /** The history table a host should keep these migrations in. */
    public static final String HISTORY_TABLE = "flyway_history_concur_connector";
    /** The scripts in {@link #LOCATION}, oldest first. */
    public static final List<String> MIGRATIONS = List.of(
            "V1__concur_token_state.sql",
            "V2__concur_access_token.sql",
            "V3__concur_token_ciphertext.sql");

    private ConcurSchema() {
    }
}
