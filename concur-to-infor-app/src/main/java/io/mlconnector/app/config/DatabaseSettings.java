package io.mlconnector.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param url               JDBC URL: {@code jdbc:h2:...} (embedded default) or {@code jdbc:postgresql://...}
 * @param user              database user (may be empty when the URL carries it)
 * @param password          database password (may be empty); never printed
 * @param poolSize          maximum pooled connections
 * @param connectionTimeout how long a caller waits for a connection before the database counts as unreachable
 * @param schema            schema for the tables; empty = the connection's default schema
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectionTimeout,
                               String schema) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        schema = schema == null ? "" : schema;
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    }

    /**
     * The JDBC URL of an embedded H2 file database at {@code file} (without H2's {@code .mv.db} suffix), in the
     * PostgreSQL compatibility the app's migrations and queries are written for.
     */
    public static String embeddedH2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, 10, Duration.ofSeconds(5), "");
    }

    public DatabaseSettings withSchema(String newSchema) {
        return new DatabaseSettings(url, user, password, poolSize, connectionTimeout, newSchema);
    }

    public DatabaseSettings withUrl(String newUrl) {
        return new DatabaseSettings(newUrl, user, password, poolSize, connectionTimeout, schema);
    }

    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(url, user, password, poolSize, timeout, schema);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + JdbcUrls.masked(url) + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****")
                + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout + ", schema=" + schema + "]";
    }
}
