package io.mlconnector.app.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many refused deliveries one sender address may have kept per minute: a fixed one-minute window per address.
 * Beyond it the deliveries are still answered (401) but not written to the database, so one client cannot fill it.
 * The table of addresses is cleared of old windows when it grows, so many addresses cannot fill memory either.
 */
final class RefusedDeliveryLimit {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long startMillis, int count) {
    }

    RefusedDeliveryLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one refused delivery from {@code address}; answers whether it may still be kept. */
    boolean allow(String address) {
        long now = clock.millis();
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> now - w.startMillis() >= WINDOW.toMillis());
        }
        Window window = windows.compute(address, (a, w) -> w == null || now - w.startMillis() >= WINDOW.toMillis()
                ? new Window(now, 1) : new Window(w.startMillis(), w.count() + 1));
        return window.count() <= perMinute;
    }
}
