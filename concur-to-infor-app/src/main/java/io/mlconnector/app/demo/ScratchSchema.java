package io.mlconnector.app.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for one run (the bench, an end-to-end or crash test): created on the server a
 * {@code jdbc:postgresql:} URL names, handed to the app as that URL with PgJDBC's {@code currentSchema} (the app's
 * configuration has no schema key; every pooled connection and Flyway then work in it), and dropped with all it holds
 * on close.
 */
public final class ScratchSchema implements AutoCloseable {
    private final String serverUrl;
    private final String name;

    private ScratchSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates {@code <prefix><10 random hex digits>} on the server of {@code serverUrl}. */
    public static ScratchSchema create(String serverUrl, String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute(serverUrl, "CREATE SCHEMA " + name);
        return new ScratchSchema(serverUrl, name);
    }

    public String name() {
        return name;
    }

    /** The server's URL with this schema as PgJDBC's {@code currentSchema}: what {@code database.url} takes. */
    public String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() {
        execute(serverUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }
}
