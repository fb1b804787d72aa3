package io.mlconnector.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that tests and simulators move by hand (token renewal, lease expiry, backoff) instead of sleeping.
 * It only moves when {@link #advance(Duration)} is called; advances from several threads are not lost.
 */
public final class MutableClock extends Clock {
    private static final Instant FIXED_START = Instant.parse("2026-03-01T09:00:00Z");

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Starts at the current system time. */
    public static MutableClock now() {
        return new MutableClock(Instant.now());
    }

    /** Starts at a fixed whole-second instant, so each run sees the same times and storage truncates nothing. */
    public static MutableClock atSecondPrecision() {
        return new MutableClock(FIXED_START);
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
