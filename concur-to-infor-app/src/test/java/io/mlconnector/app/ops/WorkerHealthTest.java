package io.mlconnector.app.ops;

import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerHealthTest {
    private final MutableClock clock = MutableClock.now();
    private final AtomicLong due = new AtomicLong();
    private final List<Integer> exits = new ArrayList<>();
    private final WorkerHealth health = new WorkerHealth(clock, Duration.ofMinutes(2), due::get, exits::add);

    @Test
    void anErrorInAWorkerEndsTheProcessAndReadinessSaysWhy() {
        // when
        health.fatal("the worker on event e-1", new OutOfMemoryError("Java heap space"));
        // then
        assertThat(exits).containsExactly(WorkerHealth.FATAL_EXIT_STATUS);
        HealthCheck.Result result = health.check();
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("OutOfMemoryError").contains("the worker on event e-1");
    }

    @Test
    void dueWorkWithNoProgressBeyondTheStallTimeoutIsDown() {
        // given work is due and the workers last moved 3 minutes ago
        due.set(4);
        clock.advance(Duration.ofMinutes(3));
        // then
        HealthCheck.Result result = health.check();
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("stalled").contains("4 inbox row(s) due");
        // and when a worker moves on, it is up again
        health.progressed();
        assertThat(health.check().up()).isTrue();
        assertThat(exits).isEmpty();
    }

    @Test
    void anIdleInstanceIsNotStalled() {
        // given nothing is due for hours
        clock.advance(Duration.ofHours(3));
        // then
        assertThat(health.check().up()).isTrue();
    }
}
