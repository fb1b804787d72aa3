package io.mlconnector.app.pipeline;

import io.mlconnector.app.ops.WorkerHealth;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox worker threads. An {@link Error} thrown in a task ends the process through {@link WorkerHealth#fatal}:
 * without this it vanished into the task's {@link Future} (Camel's parallel split submits tasks), and the claim loop
 * waited for the batch forever with readiness still UP.
 */
final class WorkerThreads extends ThreadPoolExecutor {
    private final WorkerHealth health;

    WorkerThreads(int count, WorkerHealth health) {
        super(count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threadFactory(health));
        this.health = health;
    }

    private static java.util.concurrent.ThreadFactory threadFactory(WorkerHealth health) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, "inbox-worker-" + n.incrementAndGet());
            thread.setUncaughtExceptionHandler((t, e) -> health.fatal(t.getName(), e));
            return thread;
        };
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        Throwable failure = thrown != null ? thrown : failureOf(task);
        if (failure instanceof Error error) {
            health.fatal(Thread.currentThread().getName(), error);
        }
    }

    /** What a finished submitted task failed with (ThreadPoolExecutor's javadoc idiom for afterExecute). */
    private static Throwable failureOf(Runnable task) {
        if (task instanceof Future<?> future && future.isDone()) {
            try {
                future.get();
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (CancellationException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }
}
