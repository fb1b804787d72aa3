package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.config.WorkerSettings;
import io.mlconnector.app.ops.WorkerHealth;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.Inbox;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.Intake;
import io.mlconnector.app.store.Store;
import io.mlconnector.app.testing.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox workers against a real database: a worker that finishes claims the next event at once, intake wakes an
 * idle one, and one document's events never run at the same time, even across two instances. The poll interval is an
 * hour, so no poll can explain an event being taken within the test.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class InboxWorkersTest {
    private static final Duration AN_HOUR = Duration.ofHours(1);
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(15));

    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private Inbox inbox;
    private Intake intake;
    private final List<InboxWorkers> started = new ArrayList<>();

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "inboxworkers");
        Store store = new Store(testDb.open(), Clock.systemUTC(), RETRY);
        inbox = store.inbox();
        intake = new Intake(store);
    }

    @AfterEach
    void stop() throws Exception {
        started.forEach(InboxWorkers::close);
        testDb.close();
    }

    @Test
    void aFreedWorkerTakesTheNextEventWithoutWaitingForThePoll() {
        // given five events waiting and one worker that polls once an hour
        for (int i = 1; i <= 5; i++) {
            store("evt-" + i, "RPT-" + i);
        }
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        // when it starts
        start(inbox, 1, "instance-a", entry -> handled.add(entry.essEventId()));
        // then it took all five one after the other, oldest first, each right after finishing the one before
        awaitDone(5);
        assertThat(handled).containsExactly("evt-1", "evt-2", "evt-3", "evt-4", "evt-5");
    }

    @Test
    void anEventStoredWhileTheWorkersAreIdleIsTakenAtOnce() {
        // given idle workers that poll once an hour (their first claim found nothing)
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        InboxWorkers workers = start(inbox, 2, "instance-a", entry -> handled.add(entry.essEventId()));
        awaitClaimAttempted();
        // when intake stores an event and says so
        store("evt-late", "RPT-late");
        workers.eventStored();
        // then a worker takes it without waiting for the poll
        awaitDone(1);
        assertThat(handled).containsExactly("evt-late");
    }

    @Test
    void oneDocumentsEventsNeverRunSideBySideOnAnyInstance() {
        // given three events for each of four documents, and two instances with two workers each
        for (int doc = 1; doc <= 4; doc++) {
            for (int event = 1; event <= 3; event++) {
                store("evt-" + doc + "-" + event, "RPT-" + doc);
            }
        }
        Map<String, AtomicInteger> runningPerDocument = new ConcurrentHashMap<>();
        Map<String, Integer> mostAtOnce = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostOverall = new AtomicInteger();
        Consumer<InboxEntry> slowEvent = entry -> {
            String document = entry.event().reportId();
            int atOnce = runningPerDocument.computeIfAbsent(document, d -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.merge(document, atOnce, Math::max);
            mostOverall.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(Duration.ofMillis(40));
            running.decrementAndGet();
            runningPerDocument.get(document).decrementAndGet();
        };
        // when both instances work the inbox off
        start(inbox, 2, "instance-a", slowEvent);
        start(inbox(), 2, "instance-b", slowEvent);
        // then every event ran, documents ran in parallel, and never two events of one document at the same time
        awaitDone(12);
        assertThat(mostOverall.get()).as("events running at once").isGreaterThan(1);
        assertThat(mostAtOnce).hasSize(4).allSatisfy((document, most) -> assertThat(most).as(document).isEqualTo(1));
    }

    private Inbox inbox() {
        return new Inbox(testDb.open(), Clock.systemUTC(), RETRY);
    }

    private void store(String essEventId, String reportId) {
        intake.accept(new InboxEvent(essEventId, "public.concur.financialintegration",
                "expense.readyForIntegration", null, reportId, "{\"id\":\"" + essEventId + "\"}"));
    }

    /** Workers of one instance whose event step runs {@code event} and then completes the row, as the route does. */
    private InboxWorkers start(Inbox on, int count, String workerId, Consumer<InboxEntry> event) {
        WorkerSettings settings = new WorkerSettings(count, AN_HOUR, Duration.ofSeconds(30), RETRY,
                Duration.ofSeconds(10), AN_HOUR);
        WorkerHealth health = new WorkerHealth(Clock.systemUTC(), AN_HOUR, () -> 0, status -> {
            throw new AssertionError("a worker ended the process with " + status);
        });
        InboxWorkers workers = new InboxWorkers(on, settings, workerId,
                new LeaseHeartbeat(on, workerId, settings.lease(), settings.heartbeat(), () -> { }), health);
        started.add(workers);
        workers.start(entry -> {
            event.accept(entry);
            on.complete(entry.id(), workerId);
        });
        return workers;
    }

    private void awaitDone(int events) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> inbox.countByState().get(InboxState.DONE) == events);
    }

    /** Lets the workers' first claim (at start) happen, so only a wake-up can bring them back within the hour. */
    private static void awaitClaimAttempted() {
        sleep(Duration.ofMillis(500));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
