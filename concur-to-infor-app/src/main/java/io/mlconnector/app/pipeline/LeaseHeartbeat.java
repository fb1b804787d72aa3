package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the inbox leases of the rows this instance is working on alive: every {@code worker.heartbeat} it renews each
 * held row's lease to now + {@code worker.lease}. So the lease can be short (a killed instance's rows come back
 * within it, not after minutes) while a slow but alive worker is never overtaken. A row whose renewal is refused (the
 * lease had already run out, e.g. after a long GC pause, and another worker may own it now) is dropped; its worker
 * finds out at its next step ({@link DocumentWork#holdLease}) and stops.
 *
 * <p>A worker {@linkplain #hold holds} a row from its claim until its attempt ends, then {@linkplain #release releases}
 * it, whatever the outcome.
 */
final class LeaseHeartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final Inbox inbox;
    private final String workerId;
    private final Duration lease;
    private final Duration interval;
    private final Runnable eachBeat;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    /** @param eachBeat also run on every beat (the workers' health check, so a stall is logged unprobed) */
    LeaseHeartbeat(Inbox inbox, String workerId, Duration lease, Duration interval, Runnable eachBeat) {
        this.inbox = inbox;
        this.workerId = workerId;
        this.lease = lease;
        this.interval = interval;
        this.eachBeat = eachBeat;
    }

    synchronized LeaseHeartbeat start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "inbox-lease-heartbeat");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The row was claimed by this instance: keep its lease alive until {@link #release}. */
    void hold(long inboxId) {
        held.add(inboxId);
    }

    /** The row's attempt ended (done, ignored, retry later, dead-lettered, or failed on the way). */
    void release(long inboxId) {
        held.remove(inboxId);
    }

    /** The rows whose leases this instance keeps alive. */
    Set<Long> held() {
        return Set.copyOf(held);
    }

    private void beat() {
        renew();
        try {
            eachBeat.run();
        } catch (RuntimeException e) {
            LOG.warn("heartbeat task failed: {}", Failures.describe(e));
        }
    }

    /** Renews every held row's lease once; drops those whose lease was already lost. */
    void renew() {
        for (long id : List.copyOf(held)) {
            try {
                if (!inbox.renewLease(id, workerId, lease)) {
                    held.remove(id);
                    LOG.warn("inbox row {}: its lease had run out before the heartbeat renewed it; another worker may "
                            + "own it now, so this instance's attempt stops at its next step", id);
                }
            } catch (RuntimeException e) {
                // the database is unreachable: the leases run out, and the next beat tries again
                LOG.warn("inbox row {}: lease renewal failed: {}", id, Failures.describe(e));
            }
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        held.clear();
    }
}
