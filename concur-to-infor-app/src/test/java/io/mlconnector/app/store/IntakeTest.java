package io.mlconnector.app.store;

import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Dialect.class)
class IntakeTest {
    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private Store store;
    private Intake intake;

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "intake");
        store = new Store(testDb.open(), MutableClock.atSecondPrecision(),
                new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        intake = new Intake(store);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void concurrentDuplicateDeliveriesAreAuditedButCreateOneUnitOfWork() throws Exception {
        // given one event delivered 6 times at once
        InboxEvent event = new InboxEvent("evt-1", "public.concur.financialintegration", "expense.readyForIntegration",
                "FIS-1", null, "{}");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<InsertOutcome> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<InsertOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return intake.accept(event);
                }));
            }
            // when
            start.countDown();
            for (Future<InsertOutcome> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        // then one row of work, one "event received" and five "duplicate delivery" entries
        assertThat(outcomes).filteredOn(o -> o == InsertOutcome.INSERTED).hasSize(1);
        assertThat(store.inbox().claim(10, "w", Duration.ofMinutes(1))).hasSize(1);
        assertThat(store.audit().trail("FIS-1")).extracting(AuditEntry::step)
                .containsOnly(AuditStep.EVENT_RECEIVED, AuditStep.DUPLICATE_DELIVERY)
                .filteredOn(AuditStep.EVENT_RECEIVED::equals).hasSize(1);
        assertThat(store.audit().trail("FIS-1")).hasSize(6);
    }

    @Test
    void deliveriesArrivingTogetherShareTransactionsYetEachIsStoredOnceWithItsOwnAuditEntries() throws Exception {
        // given 100 events, each delivered twice, half of them of a topic the app does not handle, all at once
        List<Callable<InsertOutcome>> deliveries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            InboxEvent event = new InboxEvent("evt-" + i, "t", "e", "FIS-" + i, null, "{}");
            for (int copy = 0; copy < 2; copy++) {
                deliveries.add(i % 2 == 0 ? () -> intake.accept(event) : () -> intake.setAside(event, "not handled"));
            }
        }
        // when
        List<InsertOutcome> outcomes = runAtOnce(deliveries, 64);
        // then they took fewer transactions than deliveries
        assertThat(intake.groupsCommitted()).isPositive().isLessThan(deliveries.size());
        // and each event is one row, stored once, with its own entries, and its second delivery is a duplicate
        assertThat(outcomes).filteredOn(o -> o == InsertOutcome.INSERTED).hasSize(100);
        assertThat(store.inbox().claim(200, "w", Duration.ofMinutes(1))).hasSize(50);
        for (int i = 0; i < 100; i++) {
            List<String> expected = i % 2 == 0
                    ? List.of(AuditStep.EVENT_RECEIVED, AuditStep.DUPLICATE_DELIVERY)
                    : List.of(AuditStep.EVENT_RECEIVED, AuditStep.IGNORED, AuditStep.DUPLICATE_DELIVERY);
            assertThat(store.audit().trail("evt-" + i)).extracting(AuditEntry::step)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(store.inbox().findByEssEventId("evt-" + i).orElseThrow().state())
                    .isEqualTo(i % 2 == 0 ? InboxState.IN_PROGRESS : InboxState.IGNORED);
        }
    }

    @Test
    void aDeliveryTheDatabaseRefusesFailsOnlyItsOwnRequest() throws Exception {
        // given 40 good deliveries and one whose ESS event id is longer than the column takes, all at once
        List<Callable<InsertOutcome>> deliveries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            InboxEvent event = new InboxEvent("good-" + i, "t", "e", null, null, "{}");
            deliveries.add(() -> intake.accept(event));
        }
        InboxEvent refused = new InboxEvent("x".repeat(300), "t", "e", null, null, "{}");
        deliveries.add(20, () -> {
            try {
                return intake.accept(refused);
            } catch (StoreException e) {
                return null; // its own request fails: the webhook answers 5xx and ESS delivers it again
            }
        });
        // when
        List<InsertOutcome> outcomes = runAtOnce(deliveries, 41);
        // then only that one failed, and every other one is stored
        assertThat(outcomes.get(20)).isNull();
        outcomes.remove(20);
        assertThat(outcomes).containsOnly(InsertOutcome.INSERTED).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(store.inbox().findByEssEventId("good-" + i)).isPresent();
        }
        assertThat(store.audit().trail("x".repeat(300))).isEmpty();
    }

    private static List<InsertOutcome> runAtOnce(List<Callable<InsertOutcome>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<InsertOutcome>> futures = new ArrayList<>();
            for (Callable<InsertOutcome> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<InsertOutcome> outcomes = new ArrayList<>();
            for (Future<InsertOutcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEventIsNotStoredWhenItsAuditEntryCannotBe() throws Exception {
        // given an audit trail the database cannot write to
        testDb.execute("ALTER TABLE audit_trail RENAME TO audit_trail_away");
        InboxEvent event = new InboxEvent("evt-2", "t", "e", "FIS-2", null, "{}");
        // when the delivery arrives
        assertThatThrownBy(() -> intake.accept(event)).isInstanceOf(StoreException.class);
        // then nothing was stored, so the 5xx answer makes Concur deliver it again
        testDb.execute("ALTER TABLE audit_trail_away RENAME TO audit_trail");
        assertThat(store.inbox().findByEssEventId("evt-2")).isEmpty();
        assertThat(intake.accept(event)).isEqualTo(InsertOutcome.INSERTED);
        assertThat(store.audit().trail("evt-2")).extracting(AuditEntry::step).containsExactly(AuditStep.EVENT_RECEIVED);
    }

    @Test
    void anEventSetAsideIsStoredIgnoredWithBothAuditEntriesAndNoWorkerClaimsIt() {
        // given an event of a topic the app does not handle
        InboxEvent event = new InboxEvent("evt-3", "public.test", "ping", null, null, "{}");
        // when it is delivered twice
        InsertOutcome first = intake.setAside(event, "topic public.test / ping is not handled");
        InsertOutcome second = intake.setAside(event, "topic public.test / ping is not handled");
        // then it is stored once, set aside with the reason, audited as received and ignored, and is no work
        assertThat(first).isEqualTo(InsertOutcome.INSERTED);
        assertThat(second).isEqualTo(InsertOutcome.DUPLICATE);
        InboxEntry row = store.inbox().findByEssEventId("evt-3").orElseThrow();
        assertThat(row.state()).isEqualTo(InboxState.IGNORED);
        assertThat(row.lastError()).isEqualTo("topic public.test / ping is not handled");
        assertThat(store.audit().trail("evt-3")).extracting(AuditEntry::step)
                .containsExactly(AuditStep.EVENT_RECEIVED, AuditStep.IGNORED, AuditStep.DUPLICATE_DELIVERY);
        assertThat(store.inbox().claim(10, "w", Duration.ofMinutes(1))).isEmpty();
        assertThat(store.inbox().depth()).isZero();
    }
}
