package io.mlconnector.concur.api;

import java.util.Optional;

/**
 * Where the connector keeps each principal's {@link TokenState}. Implementations: {@link InMemoryTokenStore} (tests,
 * throw-away) and {@link JdbcTokenStore} (durable: a restart needs no new request token).
 */
public interface TokenStore {

    /** The state saved for this key, if any. */
    Optional<TokenState> load(String key);

    /** Saves (inserts or replaces) the state for its key. */
    void save(TokenState state);

    /** Forgets the state for this key (after a re-authorisation is required). */
    void delete(String key);
}
