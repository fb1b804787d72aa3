package io.mlconnector.concur.internal;

import io.mlconnector.concur.api.CallPacer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Paces the calls of one process: each caller reserves the next free slot, slots one interval apart, and sleeps until
 * its slot. No burst is allowed after an idle spell, so Concur never sees more than the rate in any window. A 429
 * moves the next slot past its Retry-After and widens the interval by half once per pause (at most eight times the configured one);
 * every call granted afterwards narrows it back by a fiftieth of the excess.
 */
public final class LocalCallPacer implements CallPacer {
    private static final long MAX_SLOWDOWN = 8;

    private final long baseIntervalNanos;
    private long intervalNanos;
    private long nextSlotNanos = System.nanoTime();

    public LocalCallPacer(int callsPerMinute) {
        if (callsPerMinute <= 0) {
            throw new IllegalArgumentException("callsPerMinute must be positive");
        }
        this.baseIntervalNanos = TimeUnit.MINUTES.toNanos(1) / callsPerMinute;
        this.intervalNanos = baseIntervalNanos;
    }

    @Override
    public void awaitTurn() throws InterruptedException {
        long wait = reserve(System.nanoTime());
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private synchronized long reserve(long now) {
        long slot = Math.max(nextSlotNanos, now);
        nextSlotNanos = slot + intervalNanos;
        intervalNanos -= (intervalNanos - baseIntervalNanos) / 50;
        return slot - now;
    }

    @Override
    public synchronized void throttled(Duration retryAfter) {
        long resumeAt = System.nanoTime() + retryAfter.toNanos();
        // widen once per pause: the callers refused together report the same wave of 429s
        if (resumeAt - nextSlotNanos > 0) {
            nextSlotNanos = resumeAt;
            intervalNanos = Math.min(intervalNanos + intervalNanos / 2, baseIntervalNanos * MAX_SLOWDOWN);
        }
    }

    @Override
    public String toString() {
        return "CallPacer[" + TimeUnit.MINUTES.toNanos(1) / baseIntervalNanos + "/min, this process]";
    }
}
