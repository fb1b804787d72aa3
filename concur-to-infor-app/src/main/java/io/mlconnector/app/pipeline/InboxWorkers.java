package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.WorkerSettings;
import io.mlconnector.app.ops.WorkerHealth;
import io.mlconnector.app.store.Inbox;
import io.mlconnector.app.store.InboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The inbox workers of one instance. Each worker claims one due event, runs it to its end, and claims the next at
 * once: a busy pipeline never waits for a poll, and a long document holds up one worker, not a batch. Only a worker
 * that found nothing due waits, for {@code worker.poll-interval} or until intake stores a new event
 * ({@link #eventStored()}), whichever comes first. The inbox never hands out two events of one document at a time
 * (on any instance), so one document's events still run one after the other.
 */
final class InboxWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);

    private final Inbox inbox;
    private final WorkerSettings settings;
    private final String workerId;
    private final LeaseHeartbeat heartbeat;
    private final WorkerHealth health;
    private Consumer<InboxEntry> event;
    private final Semaphore stored = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param workerId  who claims (the instance id: a lease belongs to the instance's worker holding it)
     * @param heartbeat keeps the lease of each claimed row alive until its event ends
     * @param health    hears of progress, and of an Error, which ends the process
     */
    InboxWorkers(Inbox inbox, WorkerSettings settings, String workerId, LeaseHeartbeat heartbeat, WorkerHealth health) {
        this.inbox = inbox;
        this.settings = settings;
        this.workerId = workerId;
        this.heartbeat = heartbeat;
        this.health = health;
    }

    /** Starts {@code worker.count} workers; {@code event} runs one claimed event through the pipeline to its end. */
    synchronized void start(Consumer<InboxEntry> event) {
        this.event = event;
        running = true;
        for (int n = 1; n <= settings.count(); n++) {
            Thread thread = new Thread(this::work, "inbox-worker-" + n);
            // an Error that escapes run() still ends the process
            thread.setUncaughtExceptionHandler((t, e) -> health.fatal(t.getName(), e));
            threads.add(thread);
            thread.start();
        }
    }

    /** Intake stored a new event: an idle worker claims it now instead of at its next poll. */
    void eventStored() {
        stored.release();
    }

    private void work() {
        while (running) {
            // Forget wake-ups from before this claim: the claim below sees every event stored before it.
            stored.drainPermits();
            if (!claimAndRun()) {
                awaitWork();
            }
        }
    }

    /** Claims the next due event and runs it; false when nothing was due (or the claim failed). */
    private boolean claimAndRun() {
        List<InboxEntry> claimed;
        try {
            claimed = inbox.claim(1, workerId, settings.lease());
        } catch (RuntimeException e) {
            LOG.error("claiming from the inbox failed; next try in {} ms: {}", settings.pollInterval().toMillis(),
                    e.toString());
            return false;
        }
        if (claimed.isEmpty()) {
            health.progressed();
        }
        for (InboxEntry entry : claimed) {
            run(entry);
        }
        return !claimed.isEmpty();
    }

    private void run(InboxEntry entry) {
        heartbeat.hold(entry.id());
        try {
            event.accept(entry);
        } catch (RuntimeException e) {
            Throwable error = errorIn(e);
            if (error != null) {
                health.fatal(Thread.currentThread().getName() + " on event " + entry.essEventId(), error);
                return;
            }
            // the event route settles every failure on the inbox row; reaching here means even that failed, and the
            // row's lease running out hands it to a worker again
            LOG.error("event {} ended without settling its inbox row; it is retried when its lease ends: {}",
                    entry.essEventId(), e.toString(), e);
        } catch (Error e) {
            // an OutOfMemoryError, a StackOverflowError: the JVM cannot be trusted to go on (WorkerHealth)
            health.fatal(Thread.currentThread().getName() + " on event " + entry.essEventId(), e);
        } finally {
            heartbeat.release(entry.id());
            health.progressed();
        }
    }

    /** The Error a route failure wraps (the producer template wraps what the route threw), or null. */
    private static Throwable errorIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Error) {
                return t;
            }
        }
        return null;
    }

    private void awaitWork() {
        try {
            stored.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops claiming and waits for the events in progress to end (10 s each, then they are interrupted). */
    @Override
    public synchronized void close() {
        running = false;
        stored.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                LOG.warn("{} still runs an event after 10 s; interrupting it (its lease hands the event on)",
                        thread.getName());
                thread.interrupt();
            }
        }
        threads.clear();
    }
}
