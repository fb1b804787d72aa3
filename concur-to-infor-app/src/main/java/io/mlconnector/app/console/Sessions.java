package io.mlconnector.app.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, in memory (a restart logs everyone out): a random id for the cookie, a random CSRF token for the
 * forms, the operator's name for the audit trail. A session ends after {@code idle} without a request or {@code max}
 * after login.
 */
public final class Sessions {
    /** Oldest sessions are dropped beyond this many, so a flood of logins cannot fill the memory. */
    static final int MAX_SESSIONS = 1000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    public Sessions(Clock clock, Duration idle, Duration max) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** One logged-in operator. */
    public record Session(String id, String csrfToken, String operator, Instant createdAt, Instant lastSeen) {
    }

    /** A new session with fresh id and CSRF token (never an id the browser brought: no session fixation). */
    public Session create(String operator) {
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparing(Session::lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Instant now = clock.instant();
        Session session = new Session(randomToken(), randomToken(), operator, now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of {@code id}, its idle clock restarted; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(session.lastSeen().plus(idle)) || now.isAfter(session.createdAt().plus(max))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.id(), session.csrfToken(), session.operator(), session.createdAt(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** 32 random bytes, URL-safe Base64. */
    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
