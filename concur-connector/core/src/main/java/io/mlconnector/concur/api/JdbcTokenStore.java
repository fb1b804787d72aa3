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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A durable token store in table {@code concur_token_state} (created by the host from the scripts of {@link ConcurSchema}).
 * Times are stored as UTC. Portable SQL only (H2 and PostgreSQL). With a {@link TokenEncryption} the refresh and
 * access tokens are stored encrypted; a token an older version stored in clear is encrypted when it is read or by
 * {@link #encryptStoredTokens()}.
 */
public final class JdbcTokenStore implements TokenStore {
    private final DataSource dataSource;
    private final TokenEncryption encryption;

    /**
     * Stores the tokens <em>in clear</em>: for tests and throw-away databases only. Production uses
     * {@link #JdbcTokenStore(DataSource, TokenEncryption)}.
     */
    public JdbcTokenStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.encryption = null;
    }

    /** Uses the data source as is (the host has applied the migrations of {@link ConcurSchema}); tokens encrypted. */
    public JdbcTokenStore(DataSource dataSource, TokenEncryption encryption) {
        this.dataSource = dataSource;
        this.encryption = java.util.Objects.requireNonNull(encryption, "encryption");
    }

    /**
     * Checks at start-up that every stored token decrypts with the configured key, and encrypts those stored in clear
     * by an older version. Answers how many principals' tokens it encrypted.
     *
     * @throws ConcurException CONFIGURATION when a stored token does not decrypt with the key (a wrong key), or the
     *                         store is encrypted and this store has no key
     */
    public int encryptStoredTokens() {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps =
                c.prepareStatement("SELECT token_key FROM concur_token_state ORDER BY token_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failure("read", "every principal", e);
        }
        int encrypted = 0;
        for (String key : keys) {
            Stored stored = read(key).orElse(null);
            if (stored != null && stored.inClear() && encryption != null) {
                save(stored.state());
                encrypted++;
            }
        }
        return encrypted;
    }

    private record Stored(TokenState state, boolean inClear) {
    }

    @Override
    public Optional<TokenState> load(String key) {
        Optional<Stored> stored = read(key);
        if (stored.isPresent() && stored.get().inClear() && encryption != null) {
            save(stored.get().state()); // stored in clear by an older version: encrypt it now
        }
        return stored.map(Stored::state);
    }

    private Optional<Stored> read(String key) {
        String sql = "SELECT refresh_token, refresh_expires_at, geolocation, updated_at, access_token,"
                + " access_expires_at FROM concur_token_state WHERE token_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String refresh = rs.getString(1);
                String access = rs.getString(5);
                boolean inClear = !TokenEncryption.isEncrypted(refresh);
                return Optional.of(new Stored(new TokenState(key, open(refresh, key),
                        instant(rs.getObject(2, OffsetDateTime.class)), URI.create(rs.getString(3)),
                        instant(rs.getObject(4, OffsetDateTime.class)), open(access, key),
                        instant(rs.getObject(6, OffsetDateTime.class))), inClear));
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

    private String open(String stored, String key) {
        if (!TokenEncryption.isEncrypted(stored)) {
            return stored;
        }
        if (encryption == null) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "the stored tokens of " + key
                    + " are encrypted and this token store has no key to decrypt them");
        }
        return encryption.decrypt(stored, key);
    }

    private String seal(String token, String key) {
        return encryption == null ? token : encryption.encrypt(token, key);
    }

    private int update(Connection c, TokenState s) throws SQLException {
        String sql = "UPDATE concur_token_state SET refresh_token = ?, refresh_expires_at = ?, geolocation = ?,"
                + " updated_at = ?, access_token = ?, access_expires_at = ? WHERE token_key = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, s);
            ps.setString(7, s.key());
            return ps.executeUpdate();
        }
    }

    private void insert(Connection c, TokenState s) throws SQLException {
        String sql = "INSERT INTO concur_token_state (refresh_token, refresh_expires_at, geolocation, updated_at,"
                + " access_token, access_expires_at, token_key) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, s);
            ps.setString(7, s.key());
            ps.executeUpdate();
        }
    }

    private void bind(PreparedStatement ps, TokenState s) throws SQLException {
        ps.setString(1, seal(s.refreshToken(), s.key()));
        ps.setObject(2, utc(s.refreshExpiresAt()));
        ps.setString(3, s.geolocation().toString());
        ps.setObject(4, utc(s.updatedAt()));
        ps.setString(5, seal(s.accessToken(), s.key()));
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
        return "JdbcTokenStore[" + dataSource.getClass().getSimpleName() + (encryption == null ? ", tokens in clear"
                : ", tokens encrypted") + "]";
    }
}
