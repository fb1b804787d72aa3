package io.mlconnector.concur.api;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A durable token store in table {@code concur_token_state} (created by the host from the scripts of {@link ConcurSchema}).
 * Times are stored as UTC. Portable SQL only (H2 and PostgreSQL).
 */
public final class JdbcTokenStore implements TokenStore {
    private final DataSource dataSource;

    /** Uses the data source as is: the host has applied the migrations of {@link ConcurSchema} to it. */
    public JdbcTokenStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<TokenState> load(String key) {
        String sql = "SELECT refresh_token, refresh_expires_at, geolocation, updated_at, access_token,"
                + " access_expires_at FROM concur_token_state WHERE token_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TokenState(key, rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        URI.create(rs.getString(3)), instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(5),
                        instant(rs.getObject(6, OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw failure("load", key, e);
        }
    }

    @Override
    public void save(TokenState state) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (update(c, state) == 0) {
                    insert(c, state);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                // another instance inserted the same key first: ours is newer, overwrite it
                update(c, state);
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("save", state.key(), e);
        }
    }

    @Override
    public void delete(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM concur_token_state WHERE token_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete", key, e);
        }
    }

    private static int update(Connection c, TokenState s) throws SQLException {
        String sql = "UPDATE concur_token_state SET refresh_token = ?, refresh_expires_at = ?, geolocation = ?,"
                + " updated_at = ?, access_token = ?, access_expires_at = ? WHERE token_key = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, s);
            ps.setString(7, s.key());
            return ps.executeUpdate();
        }
    }

    private static void insert(Connection c, TokenState s) throws SQLException {
        String sql = "INSERT INTO concur_token_state (refresh_token, refresh_expires_at, geolocation, updated_at,"
                + " access_token, access_expires_at, token_key) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, s);
            ps.setString(7, s.key());
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, TokenState s) throws SQLException {
        ps.setString(1, s.refreshToken());
        ps.setObject(2, utc(s.refreshExpiresAt()));
        ps.setString(3, s.geolocation().toString());
        ps.setObject(4, utc(s.updatedAt()));
        ps.setString(5, s.accessToken());
        ps.setObject(6, utc(s.accessExpiresAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ConcurException failure(String what, String key, SQLException e) {
        // the SQL message never contains the token: values are bound parameters
        return new ConcurException(ConcurErrorType.CONFIGURATION,
                "token store " + what + " failed for " + key + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[" + dataSource.getClass().getSimpleName() + "]";
    }
}
