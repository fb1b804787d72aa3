package io.mlconnector.app.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Whether the inbox workers are alive, as the readiness check {@code inbox-workers}. Two ways they can die quietly are
 * caught here:
 * <ul>
 *   <li>an {@link Error} in a worker (an {@link OutOfMemoryError} above all): a JVM after an Error cannot be trusted
 *       to finish anything, so {@link #fatal} logs it, turns readiness DOWN and ends the process with
 *       {@value #FATAL_EXIT_STATUS}; the supervisor restarts it and the inbox lease hands its work to a live worker;</li>
 *   <li>a stuck claim loop: work is due but nothing progressed (no claim, no finished attempt, no step of a document)
 *       for {@code worker.stall-timeout}: readiness DOWN with the reason, logged once when it starts and ends.</li>
 * </ul>
 */
public final class WorkerHealth implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerHealth.class);

    /** The process's exit status after an Error (EX_SOFTWARE of sysexits.h: an internal software error). */
    public static final int FATAL_EXIT_STATUS = 70;

    private final Clock clock;
    private final Duration stallTimeout;
    private final LongSupplier dueRows;
    private final IntConsumer exit;
    private final AtomicBoolean stalled = new AtomicBoolean();
    private volatile Instant lastProgress;
    private volatile String fatal;

    /**
     * @param stallTimeout how long work may be due without any progress before readiness goes DOWN
     * @param dueRows      how many inbox rows are due now (asked only once progress is older than the timeout)
     * @param exit         ends the process ({@code Runtime.getRuntime()::halt} in production)
     */
    public WorkerHealth(Clock clock, Duration stallTimeout, LongSupplier dueRows, IntConsumer exit) {
        this.clock = clock;
        this.stallTimeout = stallTimeout;
        this.dueRows = dueRows;
        this.exit = exit;
        this.lastProgress = clock.instant();
    }

    /** The workers moved on: a claim pass found nothing due, an attempt ended, or a document finished a step. */
    public void progressed() {
        lastProgress = clock.instant();
    }

    /**
     * An {@link Error} reached a worker: log it, mark readiness DOWN, end the process. Halts rather than exits: after
     * an OutOfMemoryError the shutdown hooks may hang, and nothing they would do is needed (every step is recorded
     * in the database before it counts).
     */
    public void fatal(String where, Throwable error) {
        fatal = error.getClass().getSimpleName() + " in " + where + ": the process exits with status "
                + FATAL_EXIT_STATUS + " so that its supervisor restarts it";
        try {
            LOG.error("FATAL {}", fatal, error);
        } finally {
            exit.accept(FATAL_EXIT_STATUS);
        }
    }

    private long dueRows() {
        try {
            return dueRows.getAsLong();
        } catch (RuntimeException e) {
            return 0; // the database check reports an unreachable database
        }
    }

    @Override
    public String name() {
        return "inbox-workers";
    }

    @Override
    public Result check() {
        String death = fatal;
        if (death != null) {
            return Result.down(death);
        }
        Duration quiet = Duration.between(lastProgress, clock.instant());
        long due = quiet.compareTo(stallTimeout) > 0 ? dueRows() : 0;
        if (due > 0) {
            String reason = "stalled: " + due + " inbox row(s) due but no worker progressed for " + quiet.toSeconds()
                    + " s (worker.stall-timeout " + stallTimeout.toSeconds() + " s)";
            if (stalled.compareAndSet(false, true)) {
                LOG.error("inbox workers {}", reason);
            }
            return Result.down(reason);
        }
        if (stalled.compareAndSet(true, false)) {
            LOG.warn("inbox workers progress again");
        }
        return Result.up("last progress " + quiet.toSeconds() + " s ago");
    }
}
