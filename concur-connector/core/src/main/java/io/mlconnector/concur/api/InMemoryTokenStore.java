package io.mlconnector.concur.api;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A token store in the JVM heap: state is lost on restart, so a new request token is needed. For tests and demos. */
public final class InMemoryTokenStore implements TokenStore {
    private final ConcurrentMap<String, TokenState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<TokenState> load(String key) {
        return Optional.ofNullable(states.get(key));
    }

    @Override
    public void save(TokenState state) {
        states.put(state.key(), state);
    }

    @Override
    public void delete(String key) {
        states.remove(key);
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + states.size() + " principals]";
    }
}
