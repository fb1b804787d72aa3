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
