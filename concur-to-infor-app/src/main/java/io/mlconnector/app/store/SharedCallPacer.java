package io.mlconnector.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One API's call pace kept in the database, so every app instance on it takes its calls from the same quota (the ION
 * API Gateway counts a tenant's calls, not an instance's). A row of {@code call_pace} holds the next free call slot
 * and the current spacing; a caller reserves the slot and moves it one spacing on in one short transaction, then
 * sleeps until its slot. A 429 moves the slot past the Retry-After for every instance and widens the spacing by half
 * (at most eight times the configured one); each call granted afterwards narrows it back by a fiftieth of the excess.
 *
 * <p>Instances compare the slot with their own clock, so their clocks must agree (NTP keeps them within milliseconds,
 * which moves a call by as much). It implements both connectors' pacer interfaces, which ask the same two things.
 */
public final class SharedCallPacer implements io.mlconnector.infor.api.CallPacer, io.mlconnector.concur.api.CallPacer {
    private static final long MAX_SLOWDOWN = 8;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final Clock clock;
    private final String name;
    private final long baseIntervalMicros;

    /**
     * @param name           the paced API ({@code infor-ion-gateway}, {@code concur}); one row per name
     * @param callsPerMinute the rate, shared by every instance using this name on this database
     */
    public SharedCallPacer(Database database, Clock clock, String name, int callsPerMinute) {
        if (callsPerMinute <= 0) {
            throw new IllegalArgumentException("callsPerMinute must be positive");
        }
        this.jdbc = new Jdbc(database.dataSource());
        this.dialect = database.dialect();
        this.clock = clock;
        this.name = name;
        this.baseIntervalMicros = TimeUnit.MINUTES.toMicros(1) / callsPerMinute;
        createRowIfAbsent();
    }

    private void createRowIfAbsent() {
        jdbc.withConnection(c -> {
            if (Jdbc.query(c, "SELECT name FROM call_pace WHERE name = ?", rs -> rs.getString(1), name).isEmpty()) {
                try {
                    Jdbc.update(c, "INSERT INTO call_pace (name, next_slot_us, interval_us, updated_at) VALUES (?, ?, ?, ?)",
                            name, micros(clock.instant()), baseIntervalMicros, clock.instant());
                } catch (SQLException e) {
                    if (!Jdbc.isUniqueViolation(e)) {
                        throw e; // another instance created it just now: fine
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void awaitTurn() throws InterruptedException {
        long slot = reserveSlot(clock.instant());
        // measured after the reservation: the time it took is part of the wait, not added to it
        long wait = slot - micros(clock.instant());
        if (wait > 0) {
            TimeUnit.MICROSECONDS.sleep(wait);
        }
    }

    /** Takes the next free slot (now, or later when others were first) and moves it one spacing on. */
    private long reserveSlot(Instant now) {
        long nowMicros = micros(now);
        // SET reads the row as it was, so last_slot_us is this caller's slot and next_slot_us the one after it
        String set = "SET last_slot_us = GREATEST(next_slot_us, ?), next_slot_us = GREATEST(next_slot_us, ?) + "
                + "interval_us, interval_us = interval_us - (interval_us - ?) / 50, updated_at = ? ";
        return switch (dialect) {
            // Every caller updates this one row, so each holds its lock until its commit is durable: one WAL flush
            // per call, one after the other, and on a busy disk that is the pace. A slot needs no durability (after a
            // crash the pace starts again from the clock), so this one-statement transaction turns synchronous_commit
            // off for itself: its commit does not wait for the flush
            // (https://www.postgresql.org/docs/current/wal-async-commit.html, set_config with is_local:
            // https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADMIN-SET).
            case POSTGRESQL -> jdbc.query("WITH async AS (SELECT set_config('synchronous_commit', 'off', true)) "
                            + "UPDATE call_pace " + set + "FROM async WHERE name = ? RETURNING last_slot_us",
                    rs -> rs.getLong(1), nowMicros, nowMicros, baseIntervalMicros, now, name).get(0);
            case H2 -> jdbc.inTransaction(c -> {
                Jdbc.update(c, "UPDATE call_pace " + set + "WHERE name = ?", nowMicros, nowMicros, baseIntervalMicros,
                        now, name);
                return Jdbc.query(c, "SELECT last_slot_us FROM call_pace WHERE name = ?", rs -> rs.getLong(1), name)
                        .get(0);
            });
        };
    }

    @Override
    public void throttled(Duration retryAfter) {
        Instant now = clock.instant();
        long resumeAt = micros(now.plus(retryAfter));
        // widen the spacing once per pause: the callers refused together report the same 429 wave
        jdbc.update("UPDATE call_pace SET next_slot_us = ?, interval_us = LEAST(interval_us + interval_us / 2, ?), "
                        + "updated_at = ? WHERE name = ? AND next_slot_us < ?",
                resumeAt, baseIntervalMicros * MAX_SLOWDOWN, now, name, resumeAt);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public String toString() {
        return "SharedCallPacer[" + name + ", " + TimeUnit.MINUTES.toMicros(1) / baseIntervalMicros + "/min]";
    }
}
