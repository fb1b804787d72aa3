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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Dialect.class)
class InboxTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(15));

    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private MutableClock clock;
    private Database database;
    private Inbox inbox;
    private Intake intake;

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "inbox");
        clock = MutableClock.atSecondPrecision();
        database = testDb.open();
        Store store = new Store(database, clock, RETRY);
        inbox = store.inbox();
        intake = new Intake(store);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void concurrentDuplicateDeliveriesAreStoredOnce() throws Exception {
        // given 5 events, each delivered 8 times at the same moment by different threads
        int events = 5;
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            List<Future<InsertOutcome>> outcomes = new ArrayList<>();
            for (int e = 0; e < events; e++) {
                CountDownLatch start = new CountDownLatch(1);
                InboxEvent event = event("evt-" + e);
                for (int d = 0; d < deliveries; d++) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return intake.accept(event);
                    }));
                }
                start.countDown();
            }
            // when they have all been answered
            List<InsertOutcome> results = new ArrayList<>();
            for (Future<InsertOutcome> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            // then each event was inserted exactly once and every other delivery was told it is a duplicate
            assertThat(results).filteredOn(r -> r == InsertOutcome.INSERTED).hasSize(events);
            assertThat(results).filteredOn(InsertOutcome::isDuplicate).hasSize(events * (deliveries - 1));
            assertThat(inbox.countByState().get(InboxState.NEW)).isEqualTo(events);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void storedEventKeepsItsFieldsAndIsNew() {
        // given
        InboxEvent event = new InboxEvent("evt-1", "public.concur.financialintegration", "expense.readyForIntegration",
                "FIS-1", "RPT-1", "{\"id\":\"evt-1\",\"amount\":\"12.50\"}");
        // when
        InsertOutcome outcome = intake.accept(event);
        // then
        assertThat(outcome).isEqualTo(InsertOutcome.INSERTED);
        InboxEntry stored = inbox.findByEssEventId("evt-1").orElseThrow();
        assertThat(stored.event()).isEqualTo(event);
        assertThat(stored.state()).isEqualTo(InboxState.NEW);
        assertThat(stored.receivedAt()).isEqualTo(clock.instant());
    }

    @Test
    void workersOfTwoInstancesNeverClaimTheSameRow() throws Exception {
        // given 400 due rows and two app instances (separate connection pools) with 3 worker threads each
        int rows = 400;
        for (int i = 0; i < rows; i++) {
            intake.accept(event("evt-" + i));
        }
        List<Inbox> instances = List.of(new Inbox(testDb.open(), clock, RETRY), new Inbox(testDb.open(), clock, RETRY));
        ConcurrentHashMap<Long, String> claimedBy = new ConcurrentHashMap<>();
        List<String> doubleClaims = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            Inbox instance = instances.get(w % 2);
            String workerId = "worker-" + w;
            workers.add(() -> {
                List<InboxEntry> batch;
                while (!(batch = instance.claim(7, workerId, LEASE)).isEmpty()) {
                    for (InboxEntry e : batch) {
                        String previous = claimedBy.putIfAbsent(e.id(), workerId);
                        if (previous != null) {
                            doubleClaims.add(e.id() + " by " + previous + " and " + workerId);
                        }
                    }
                }
                return null;
            });
        }
        // when all workers drain the inbox concurrently
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        try {
            for (Future<Void> f : pool.invokeAll(workers, 60, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // then every row was claimed exactly once
        assertThat(doubleClaims).isEmpty();
        assertThat(claimedBy).hasSize(rows);
        assertThat(inbox.countByState().get(InboxState.IN_PROGRESS)).isEqualTo(rows);
    }

    @Test
    void expiredLeaseMakesTheRowClaimableAgainAndFencesTheOldWorker() {
        // given a row claimed by worker A
        intake.accept(event("evt-1"));
        InboxEntry claimed = inbox.claim(10, "A", LEASE).get(0);
        assertThat(inbox.claim(10, "B", LEASE)).isEmpty();
        // when A's lease runs out
        clock.advance(LEASE.plusSeconds(1));
        List<InboxEntry> reclaimed = inbox.claim(10, "B", LEASE);
        // then B gets the row, counted as a second attempt, and A can no longer release it
        assertThat(reclaimed).extracting(InboxEntry::id).containsExactly(claimed.id());
        assertThat(reclaimed.get(0).attempts()).isEqualTo(2);
        assertThat(inbox.complete(claimed.id(), "A")).isFalse();
        assertThat(inbox.complete(claimed.id(), "B")).isTrue();
        assertThat(inbox.find(claimed.id()).orElseThrow().state()).isEqualTo(InboxState.DONE);
    }

    @Test
    void dueRowsAreHandedOutOldestFirstWhateverTheirState() {
        // given a row whose lease ran out, a failed row due again 10 s later, and a new row 20 s later
        intake.accept(event("evt-lease-lost"));
        intake.accept(event("evt-retry"));
        List<InboxEntry> first = inbox.claim(2, "A", LEASE);
        assertThat(first).extracting(e -> e.event().essEventId()).containsExactly("evt-lease-lost", "evt-retry");
        inbox.failRetryable(first.get(1).id(), "A", "HTTP 503");
        clock.advance(Duration.ofSeconds(20));
        intake.accept(event("evt-new"));
        clock.advance(LEASE);
        // when a worker claims them one at a time
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inbox.claim(1, "B", LEASE).forEach(e -> order.add(e.event().essEventId()));
        }
        // then the oldest due comes first, each once
        assertThat(order).containsExactly("evt-lease-lost", "evt-retry", "evt-new");
    }

    @Test
    void aDocumentTheErpsAnswerBringsBackGoesAheadOfDocumentsThatArrivedAfterIt() {
        // given a document's event done and waiting for the ERP, and two other documents' events arriving after it
        intake.accept(event("evt-doc"));
        long first = inbox.claim(1, "A", LEASE).get(0).id();
        assertThat(inbox.complete(first, "A")).isTrue();
        clock.advance(Duration.ofSeconds(10));
        intake.accept(event("evt-later-1"));
        intake.accept(event("evt-later-2"));
        clock.advance(Duration.ofSeconds(10));
        // when the ERP's answer brings the document back
        InboxEvent continuation = new InboxEvent("erp:msg-1:ERP_CONFIRMED", "public.concur.financialintegration",
                "expense.readyForIntegration", "FIS-evt-doc", null, "{\"id\":\"evt-doc\"}");
        assertThat(inbox.insertContinuation(continuation)).isEqualTo(InsertOutcome.INSERTED);
        // then it is handed out before them, and a repeated answer adds nothing
        assertThat(inbox.insertContinuation(continuation)).isEqualTo(InsertOutcome.DUPLICATE);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inbox.claim(1, "B", LEASE).forEach(e -> order.add(e.event().essEventId()));
        }
        assertThat(order).containsExactly("erp:msg-1:ERP_CONFIRMED", "evt-later-1", "evt-later-2");
    }

    @Test
    void anIgnoredRowIsSetAsideWithItsAuditEntry() {
        // given a claimed row
        intake.accept(event("evt-1"));
        long id = inbox.claim(1, "W", LEASE).get(0).id();
        AuditTrail audit = new AuditTrail(database, clock);
        // when the worker sets it aside
        boolean released = inbox.ignore(id, "W", "topic t / e is not handled", audit,
                new AuditKeys("evt-1", null, null, null));
        // then the row is ignored with the reason, and the trail says why
        assertThat(released).isTrue();
        assertThat(inbox.find(id).orElseThrow().state()).isEqualTo(InboxState.IGNORED);
        assertThat(inbox.find(id).orElseThrow().lastError()).isEqualTo("topic t / e is not handled");
        assertThat(audit.trail("evt-1")).extracting(AuditEntry::step)
                .containsExactly(AuditStep.EVENT_RECEIVED, AuditStep.IGNORED);
        // and a worker whose lease was lost cannot set it aside again
        assertThat(inbox.ignore(id, "W", "again", audit, new AuditKeys("evt-1", null, null, null))).isFalse();
    }

    @Test
    void aRenewedLeaseKeepsTheRowButAnExpiredOneCannotBeRenewed() {
        // given a row claimed by A
        intake.accept(event("evt-1"));
        long id = inbox.claim(1, "A", LEASE).get(0).id();
        // when A renews before expiry
        clock.advance(LEASE.minusSeconds(1));
        assertThat(inbox.renewLease(id, "A", LEASE)).isTrue();
        clock.advance(LEASE.minusSeconds(1));
        // then the row is still A's
        assertThat(inbox.claim(1, "B", LEASE)).isEmpty();
        // and once it has expired A cannot renew it, and B can take it
        clock.advance(Duration.ofSeconds(2));
        assertThat(inbox.renewLease(id, "A", LEASE)).isFalse();
        assertThat(inbox.claim(1, "B", LEASE)).extracting(InboxEntry::claimedBy).containsExactly("B");
        assertThat(inbox.renewLease(id, "A", LEASE)).isFalse();
    }

    @Test
    void retryableFailureWaitsForTheBackoffThenIsDeadLetteredAfterMaxAttempts() {
        // given a row and a policy of 3 attempts, backoff 10s doubling, capped at 15s
        intake.accept(event("evt-1"));
        long id = inbox.claim(1, "W", LEASE).get(0).id();
        // when the first attempt fails
        assertThat(inbox.failRetryable(id, "W", "HTTP 503")).contains(InboxState.FAILED_RETRYING);
        // then it is not due before the backoff has passed
        clock.advance(Duration.ofSeconds(9));
        assertThat(inbox.claim(1, "W", LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(inbox.claim(1, "W", LEASE)).hasSize(1);
        // and the second backoff is capped at 15s (not 20s)
        assertThat(inbox.failRetryable(id, "W", "HTTP 503")).contains(InboxState.FAILED_RETRYING);
        assertThat(inbox.find(id).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(15));
        clock.advance(Duration.ofSeconds(15));
        assertThat(inbox.claim(1, "W", LEASE)).hasSize(1);
        // and the third failure dead-letters it for good
        assertThat(inbox.failRetryable(id, "W", "HTTP 503 again")).contains(InboxState.DEAD);
        clock.advance(Duration.ofDays(1));
        assertThat(inbox.claim(1, "W", LEASE)).isEmpty();
        InboxEntry dead = inbox.find(id).orElseThrow();
        assertThat(dead.state()).isEqualTo(InboxState.DEAD);
        assertThat(dead.lastError()).isEqualTo("HTTP 503 again");
        assertThat(dead.attempts()).isEqualTo(3);
    }

    @Test
    void replayPutsADeadRowBackToNewWithFreshAttempts() {
        // given a dead-lettered row and a done row
        intake.accept(new InboxEvent("evt-dead", "t", "e", "FIS-9", null, "{}"));
        intake.accept(event("evt-done"));
        List<InboxEntry> claimed = inbox.claim(2, "W", LEASE);
        long deadId = claimed.stream().filter(e -> e.essEventId().equals("evt-dead")).findFirst().orElseThrow().id();
        long doneId = claimed.stream().filter(e -> e.essEventId().equals("evt-done")).findFirst().orElseThrow().id();
        inbox.deadLetter(deadId, "W", "unknown GL account 9999");
        inbox.complete(doneId, "W");
        // when both are replayed (the dead one by its FIS document id)
        int replayedDead = inbox.replay("FIS-9");
        int replayedDone = inbox.replay("evt-done");
        // then only the dead row is new again, claimable, with its attempts reset
        assertThat(replayedDead).isEqualTo(1);
        assertThat(replayedDone).isZero();
        InboxEntry again = inbox.claim(5, "W2", LEASE).get(0);
        assertThat(again.id()).isEqualTo(deadId);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).isNull();
        assertThat(inbox.find(doneId).orElseThrow().state()).isEqualTo(InboxState.DONE);
    }

    @Test
    void countsPerStateAndDepthReflectTheRows() {
        // given 3 rows: one done, one ignored, one new
        for (String id : List.of("a", "b", "c")) {
            intake.accept(event(id));
        }
        List<InboxEntry> claimed = inbox.claim(2, "W", LEASE);
        inbox.complete(claimed.get(0).id(), "W");
        inbox.ignore(claimed.get(1).id(), "W", "topic not handled");
        // when / then
        assertThat(inbox.countByState()).containsEntry(InboxState.DONE, 1L).containsEntry(InboxState.IGNORED, 1L)
                .containsEntry(InboxState.NEW, 1L).containsEntry(InboxState.DEAD, 0L);
        assertThat(inbox.depth()).isEqualTo(1);
    }

    private static InboxEvent event(String id) {
        return new InboxEvent(id, "public.concur.financialintegration", "expense.readyForIntegration", "FIS-" + id,
                null, "{\"id\":\"" + id + "\"}");
    }
}
