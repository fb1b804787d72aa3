package io.mlconnector.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the webhook does with a delivery, within the request: a verified event is stored in the inbox together with
 * its "event received" audit entry (one transaction), a repeated ESS event id is audited as "duplicate delivery" and
 * creates no work, and a malformed or unverifiable delivery goes to quarantine.
 *
 * <p>Deliveries that arrive while others are being stored are stored together, in one transaction (group commit):
 * each request still returns only once its own event is committed, but concurrent deliveries share the statements'
 * round trips and the commit's wait for the disk, which one event otherwise pays alone. A group that
 * fails is stored again one delivery at a time, so a delivery the database refuses fails only its own request.
 */
public final class Intake {
    /** Most deliveries in one transaction. */
    private static final int MAX_GROUP = 64;
    /**
     * How long a writer whose own delivery is stored goes on storing the groups that wait before it hands over:
     * commits back to back, without a thread's wake-up between them, for at most this long (and the group it started)
     * added to its own answer.
     */
    private static final long WRITER_TURN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Jdbc jdbc;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Quarantine quarantine;
    private final Queue<Delivery> waiting = new ConcurrentLinkedQueue<>();
    /**
     * Held by the one request thread storing a group for everyone; the next group fills while it waits for its commit.
     * One group at a time made the largest groups and the fewest commits: on the bench, 32 connections stored 76 % as
     * many events per second as one transaction per event does with one writer, 70 % with two, 61 % with four.
     */
    private final ReentrantLock writing = new ReentrantLock();
    /** Group transactions committed: fewer than the deliveries they stored whenever deliveries came together. */
    private final AtomicLong groupsCommitted = new AtomicLong();

    public Intake(Store store) {
        this.jdbc = new Jdbc(store.database().dataSource());
        this.inbox = store.inbox();
        this.audit = store.audit();
        this.quarantine = store.quarantine();
    }

    /**
     * Stores a verified event. Answers INSERTED (new work, audited "event received") or DUPLICATE (audited
     * "duplicate delivery"); either way the webhook answers 2xx. Raises {@link StoreException} when the database
     * cannot take it — then the webhook must answer 5xx so that Concur delivers again.
     */
    public InsertOutcome accept(InboxEvent event) {
        return store(new Delivery(event, null));
    }

    /**
     * Stores a verified event this app does not handle, already set aside: the inbox row is IGNORED with
     * {@code reason}, and its "event received" and "ignored" audit entries go in the same transaction, so no worker
     * claims it. A repeated ESS event id is audited as "duplicate delivery", as in {@link #accept}.
     */
    public InsertOutcome setAside(InboxEvent event, String reason) {
        return store(new Delivery(event, reason));
    }

    /**
     * Stores the event in a transaction of its own, as the webhook did before it grouped deliveries: what
     * {@code ml-connector bench} compares the webhook with (the transaction pgbench would run for one event).
     */
    public InsertOutcome setAsideAlone(InboxEvent event, String reason) {
        return storeAlone(new Delivery(event, reason));
    }

    /**
     * Queues the delivery and waits for its answer. A request finding nobody writing becomes the writer (see
     * {@link #writeUntilAnswered}), then wakes the owner of the next waiting delivery to take over. The lock is let go
     * before the queue is looked at again, and a delivery is queued before its owner tries the lock, so a queued
     * delivery is never left without a writer.
     */
    private InsertOutcome store(Delivery delivery) {
        waiting.add(delivery);
        boolean interrupted = false;
        while (!delivery.answer.isDone()) {
            if (writing.tryLock()) {
                try {
                    writeUntilAnswered(delivery);
                } finally {
                    writing.unlock();
                    handOver();
                }
            } else {
                LockSupport.park(this); // until its group is stored, or it is asked to write the next one
                interrupted |= Thread.interrupted(); // the delivery is queued: its answer is still awaited
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return delivery.outcome();
    }

    /**
     * Stores groups until the writer's own delivery is stored, then goes on while others wait for at most the
     * writer's turn, so its own answer is held back by that much (and one commit) at most.
     */
    private void writeUntilAnswered(Delivery own) {
        while (!own.answer.isDone()) {
            List<Delivery> group = nextGroup();
            if (group.isEmpty()) {
                throw new IllegalStateException("event " + own.event.essEventId() + " is neither queued nor answered");
            }
            write(group);
        }
        long handOverAt = System.nanoTime() + WRITER_TURN_NANOS;
        while (!waiting.isEmpty() && System.nanoTime() < handOverAt) {
            write(nextGroup());
        }
    }

    private void handOver() {
        Delivery next = waiting.peek();
        if (next != null) {
            LockSupport.unpark(next.owner);
        }
    }

    private List<Delivery> nextGroup() {
        List<Delivery> group = new ArrayList<>();
        for (Delivery next; group.size() < MAX_GROUP && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        // one order of ESS event ids in every group: two instances' groups holding the same ids cannot deadlock
        group.sort(Comparator.comparing(d -> d.event.essEventId()));
        return group;
    }

    private void write(List<Delivery> group) {
        try {
            List<InsertOutcome> outcomes = jdbc.inTransaction(c -> storeGroup(c, group));
            groupsCommitted.incrementAndGet();
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            // a delivery the database refuses (a value too long for its column, say) must not fail the others
            for (Delivery delivery : group) {
                delivery.finishAlone(this);
            }
        } catch (Error e) {
            group.forEach(delivery -> delivery.fail(e));
            throw e;
        }
    }

    private List<InsertOutcome> storeGroup(Connection c, List<Delivery> group) throws SQLException {
        boolean[] inserted = inbox.insertAbsent(c, group.stream().map(d -> d.event).toList(),
                group.stream().map(d -> d.ignoredBecause).toList());
        List<AuditTrail.Entry> entries = new ArrayList<>();
        List<InsertOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Delivery delivery = group.get(i);
            if (inserted[i]) {
                entries.addAll(delivery.storedEntries());
                outcomes.add(InsertOutcome.INSERTED);
            } else {
                entries.add(new AuditTrail.Entry(delivery.keys(), AuditStep.DUPLICATE_DELIVERY, delivery.detail()));
                outcomes.add(InsertOutcome.DUPLICATE);
            }
        }
        audit.appendAll(c, entries);
        return outcomes;
    }

    long groupsCommitted() {
        return groupsCommitted.get();
    }

    /** One transaction for one delivery; a repeated ESS event id is audited as "duplicate delivery" instead. */
    private InsertOutcome storeAlone(Delivery delivery) {
        try {
            jdbc.inTransaction(c -> {
                if (delivery.ignoredBecause == null) {
                    inbox.insert(c, delivery.event);
                } else {
                    inbox.insertIgnored(c, delivery.event, delivery.ignoredBecause);
                }
                for (AuditTrail.Entry entry : delivery.storedEntries()) {
                    audit.append(c, entry.keys(), entry.step(), entry.detail());
                }
                return null;
            });
            return InsertOutcome.INSERTED;
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                audit.append(delivery.keys(), AuditStep.DUPLICATE_DELIVERY, delivery.detail());
                return InsertOutcome.DUPLICATE;
            }
            throw e;
        }
    }

    /** One verified event waiting to be stored, and the answer its request waits for. */
    private static final class Delivery {
        final InboxEvent event;
        /** Null for an event to work on; the reason for one stored set aside. */
        final String ignoredBecause;
        final CompletableFuture<InsertOutcome> answer = new CompletableFuture<>();
        /** The request thread waiting for the answer. */
        final Thread owner = Thread.currentThread();

        Delivery(InboxEvent event, String ignoredBecause) {
            this.event = event;
            this.ignoredBecause = ignoredBecause;
        }

        AuditKeys keys() {
            return new AuditKeys(event.essEventId(), event.reportId(), event.fisDocumentId(), null);
        }

        Map<String, String> detail() {
            return Map.of("topic", event.topic(), "eventType", event.eventType());
        }

        /** The audit entries of a stored event: "event received", and "ignored" with its reason when set aside. */
        List<AuditTrail.Entry> storedEntries() {
            AuditTrail.Entry received = new AuditTrail.Entry(keys(), AuditStep.EVENT_RECEIVED, detail());
            if (ignoredBecause == null) {
                return List.of(received);
            }
            return List.of(received, new AuditTrail.Entry(keys(), AuditStep.IGNORED, Map.of("reason", ignoredBecause)));
        }

        void finishAlone(Intake intake) {
            try {
                answer(intake.storeAlone(this));
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void answer(InsertOutcome outcome) {
            answer.complete(outcome);
            LockSupport.unpark(owner);
        }

        void fail(Throwable problem) {
            answer.completeExceptionally(problem);
            LockSupport.unpark(owner);
        }

        InsertOutcome outcome() {
            try {
                return answer.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause
                        : new StoreException("storing the event failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Keeps a refused delivery (raw bytes, reason, headers without secrets); answers the quarantine id. */
    public long quarantine(String reason, Map<String, List<String>> headers, byte[] body) {
        return quarantine.keep(reason, headers, body);
    }

    /** Keeps a refused delivery with at most {@code maxStoredBytes} of its body; answers the quarantine id. */
    public long quarantine(String reason, Map<String, List<String>> headers, byte[] body, String clientAddress,
                           int maxStoredBytes) {
        return quarantine.keep(reason, headers, body, clientAddress, maxStoredBytes);
    }
}
