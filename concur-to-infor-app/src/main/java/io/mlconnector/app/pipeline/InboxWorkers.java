package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.WorkerSettings;
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
    private Consumer<InboxEntry> event;
    private final Semaphore stored = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** @param workerId who claims (the instance id: a lease belongs to the instance's worker holding it) */
    InboxWorkers(Inbox inbox, WorkerSettings settings, String workerId) {
        this.inbox = inbox;
        this.settings = settings;
        this.workerId = workerId;
    }

    /** Starts {@code worker.count} workers; {@code event} runs one claimed event through the pipeline to its end. */
    synchronized void start(Consumer<InboxEntry> event) {
        this.event = event;
        running = true;
        for (int n = 1; n <= settings.count(); n++) {
            Thread thread = new Thread(this::work, "inbox-worker-" + n);
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
        for (InboxEntry entry : claimed) {
            run(entry);
        }
        return !claimed.isEmpty();
    }

    private void run(InboxEntry entry) {
        try {
            event.accept(entry);
        } catch (RuntimeException e) {
            // the event route settles every failure on the inbox row; reaching here means even that failed, and the
            // row's lease running out hands it to a worker again
            LOG.error("event {} ended without settling its inbox row; it is retried when its lease ends: {}",
                    entry.essEventId(), e.toString(), e);
        }
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
