package io.mlconnector.app.store;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The little JDBC the repositories need: bind, query, update, insert, transaction; UTC times; typed errors. */
final class Jdbc {
    /** SQLSTATE of a unique-constraint violation on both H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database call failed: " + e.getMessage(), e);
        }
    }

    <T> T inTransaction(Work<T> work) {
        return withConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    int update(String sql, Object... args) {
        return withConnection(c -> update(c, sql, args));
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs {@code sql} once per row of arguments, sent together; answers each row's update count. */
    static int[] batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] args : rows) {
                bind(ps, args);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /** Inserts one row and answers its generated {@code id}. */
    long insert(String sql, Object... args) {
        return withConnection(c -> insert(c, sql, args));
    }

    static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key returned");
                }
                return keys.getLong("id");
            }
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return withConnection(c -> query(c, sql, mapper, args));
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            int index = i + 1;
            if (arg == null) {
                ps.setObject(index, null); // untyped NULL: PostgreSQL infers the column type
            } else if (arg instanceof Instant instant) {
                ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (arg instanceof Enum<?> e) {
                ps.setString(index, e.name());
            } else if (arg instanceof BigDecimal d) {
                ps.setBigDecimal(index, d);
            } else if (arg instanceof byte[] bytes) {
                ps.setBytes(index, bytes);
            } else {
                ps.setObject(index, arg);
            }
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
