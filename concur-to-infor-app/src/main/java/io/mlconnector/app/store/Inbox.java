package io.mlconnector.app.store;

import io.mlconnector.app.config.RetryPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The inbox: every verified ESS event, stored within the webhook request, worked off by claiming workers.
 *
 * <p>Claiming is safe across app instances on one PostgreSQL: candidate rows are locked with {@code FOR UPDATE SKIP
 * LOCKED} (two claims never wait for each other), a document being claimed is locked for the claim's transaction, and
 * each claimed row is updated only while it is still claimable. The embedded H2 database serves one instance; there
 * claims take turns on one lock row. A claim is a lease: when
 * {@code claimedUntil} passes, the row can be claimed again, and the old worker's release is refused.
 */
public final class Inbox {
    private static final String CLAIMABLE =
            "((state IN ('NEW', 'FAILED_RETRYING') AND next_attempt_at <= ?) OR (state = 'IN_PROGRESS' AND claimed_until < ?))";
    private static final String CLAIM_SET =
            "SET state = 'IN_PROGRESS', claimed_by = ?, claimed_until = ?, attempts = attempts + 1, updated_at = ? ";

    /** The first key of the advisory locks on documents being claimed (PostgreSQL), so they meet no other lock. */
    private static final int DOCUMENT_LOCK_SPACE = 16_016;

    private static final String INSERT = "INSERT INTO inbox (ess_event_id, topic, event_type, fis_document_id, "
            + "report_id, body, state, attempts, last_error, next_attempt_at, received_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    /** On H2, this instance's claims take turns here first (see {@link #claim}). */
    private final ReentrantLock claimTurns = new ReentrantLock(true);

    public Inbox(Database database, Clock clock, RetryPolicy retryPolicy) {
        this.jdbc = new Jdbc(database.dataSource());
        this.dialect = database.dialect();
        this.clock = clock;
        this.retryPolicy = retryPolicy;
    }

    /**
     * Stores the event that takes a FIS document further (the ERP's answer to one of its chunks), unless its id is
     * stored already (the unique constraint decides, so a repeated answer adds nothing), due since the document's
     * first event arrived: claims hand rows out oldest-due first, so a document under way finishes before documents
     * not yet started. Behind a backlog it would otherwise wait for all of them, and the work it needs (Concur calls,
     * no ION call) would all come at the end, with ION's quota idle.
     */
    public InsertOutcome insertContinuation(InboxEvent continuation) {
        return jdbc.withConnection(c -> {
            Instant firstArrival = Jdbc.query(c, "SELECT MIN(received_at) AS first FROM inbox "
                    + "WHERE fis_document_id = ?", rs -> Jdbc.instant(rs, "first"), continuation.fisDocumentId()).get(0);
            try {
                insert(c, continuation, InboxState.NEW, null, firstArrival == null ? clock.instant() : firstArrival);
                return InsertOutcome.INSERTED;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return InsertOutcome.DUPLICATE;
                }
                throw e;
            }
        });
    }

    /** Inserts on the caller's connection (and transaction); a duplicate raises the unique-violation SQLException. */
    void insert(Connection c, InboxEvent event) throws SQLException {
        insert(c, event, InboxState.NEW, null);
    }

    /** Inserts a row already set aside (IGNORED, with the reason): no worker will claim it. */
    void insertIgnored(Connection c, InboxEvent event, String reason) throws SQLException {
        insert(c, event, InboxState.IGNORED, reason);
    }

    private void insert(Connection c, InboxEvent event, InboxState state, String reason) throws SQLException {
        insert(c, event, state, reason, clock.instant());
    }

    private void insert(Connection c, InboxEvent event, InboxState state, String reason, Instant dueSince)
            throws SQLException {
        Instant now = clock.instant();
        Jdbc.update(c, INSERT, row(event, state, reason, dueSince, now));
    }

    /**
     * Inserts each event not stored yet on the caller's connection (and transaction), NEW or, with a reason, IGNORED;
     * answers true for each one inserted, false for an ESS event id already there (or earlier in {@code events}).
     */
    boolean[] insertAbsent(Connection c, List<InboxEvent> events, List<String> ignoredReasons) throws SQLException {
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String reason = ignoredReasons.get(i);
            rows.add(row(events.get(i), reason == null ? InboxState.NEW : InboxState.IGNORED, reason, now, now));
        }
        int[] counts = Jdbc.batch(c, INSERT + " ON CONFLICT DO NOTHING", rows);
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0 && counts[i] != 1) {
                throw new SQLException("the database did not say which events it inserted (update count " + counts[i]
                        + ")");
            }
            inserted[i] = counts[i] == 1;
        }
        return inserted;
    }

    private static Object[] row(InboxEvent event, InboxState state, String reason, Instant dueSince, Instant now) {
        return new Object[]{event.essEventId(), event.topic(), event.eventType(), event.fisDocumentId(),
                event.reportId(), event.body(), state, truncate(reason), dueSince, now, now};
    }

    /**
     * Claims up to {@code max} due rows for {@code workerId} until now + {@code lease}. Each claim counts as an attempt.
     * Rows are handed out oldest-due first; no row is claimed by two workers while its lease runs, and no row while
     * another row of the same document (report id) is held under a live lease, nor two rows of one document at once:
     * one document's events never run side by side, on any instance.
     */
    public List<InboxEntry> claim(int max, String workerId, Duration lease) {
        if (max < 1) {
            return List.of();
        }
        return switch (dialect) {
            case POSTGRESQL -> jdbc.inTransaction(c -> {
                Instant now = clock.instant();
                return claimSkippingLocked(c, max, workerId, now, now.plus(lease));
            });
            // This instance's claims queue here rather than on the lock row: a claim waiting for the row gave up after
            // H2's lock timeout (thousands of failed claims, each followed by a poll interval's pause, in one bench run
            // with 16 workers); the row still orders claims against any other connection to the file.
            case H2 -> {
                claimTurns.lock();
                try {
                    yield jdbc.inTransaction(c -> {
                        Instant now = clock.instant();
                        return claimInTurn(c, max, workerId, now, now.plus(lease));
                    });
                } finally {
                    claimTurns.unlock();
                }
            }
        };
    }

    // Rows another claim holds are skipped; a document another claim is taking right now too (a transaction-scoped
    // advisory lock on its report id). Once that lock is held, the sibling check is repeated: this statement sees
    // every claim committed before the lock was granted.
    private List<InboxEntry> claimSkippingLocked(Connection c, int max, String workerId, Instant now, Instant until)
            throws SQLException {
        List<InboxEntry> claimed = new ArrayList<>();
        for (Candidate candidate : candidates(c, max, now, " FOR UPDATE SKIP LOCKED")) {
            if (candidate.document() == null || (lockDocument(c, candidate.document())
                    && !siblingInProgress(c, candidate, now))) {
                claimed.addAll(claimRow(c, candidate.id(), workerId, now, until));
            }
        }
        return claimed;
    }

    private static boolean lockDocument(Connection c, String document) throws SQLException {
        return Jdbc.query(c, "SELECT pg_try_advisory_xact_lock(" + DOCUMENT_LOCK_SPACE + ", hashtext(?))",
                rs -> rs.getBoolean(1), document).get(0);
    }

    private static boolean siblingInProgress(Connection c, Candidate candidate, Instant now) throws SQLException {
        return !Jdbc.query(c, "SELECT 1 FROM inbox WHERE report_id = ? AND id <> ? AND state = 'IN_PROGRESS' "
                + "AND claimed_until >= ?", rs -> 1, candidate.document(), candidate.id(), now).isEmpty();
    }

    // H2 (one instance on its embedded file): claims take turns on the one row of inbox_claim_lock, so the sibling
    // check cannot race with another claim.
    private List<InboxEntry> claimInTurn(Connection c, int max, String workerId, Instant now, Instant until)
            throws SQLException {
        Jdbc.query(c, "SELECT id FROM inbox_claim_lock WHERE id = 1 FOR UPDATE", rs -> rs.getInt(1));
        List<InboxEntry> claimed = new ArrayList<>();
        for (Candidate candidate : candidates(c, max, now, "")) {
            claimed.addAll(claimRow(c, candidate.id(), workerId, now, until));
        }
        return claimed;
    }

    /**
     * Due rows whose document has no other row in progress, oldest first, at most one per document. One query per
     * claimable state: with the state fixed, the (state, next_attempt_at) index hands the rows out in order and the
     * query stops after {@code max}, so a claim costs the same with ten or a hundred thousand events waiting. (One
     * query over the three states read and sorted every due row, for each claim of one.)
     */
    private static List<Candidate> candidates(Connection c, int max, Instant now, String locking) throws SQLException {
        List<Candidate> due = new ArrayList<>();
        due.addAll(candidatesIn(c, "state = 'NEW' AND next_attempt_at <= ?", max, now, locking));
        due.addAll(candidatesIn(c, "state = 'FAILED_RETRYING' AND next_attempt_at <= ?", max, now, locking));
        due.addAll(candidatesIn(c, "state = 'IN_PROGRESS' AND claimed_until < ?", max, now, locking));
        due.sort(Comparator.comparing(Candidate::due).thenComparingLong(Candidate::id));
        Set<String> documents = new HashSet<>();
        return due.stream().filter(d -> d.document() == null || documents.add(d.document())).limit(max).toList();
    }

    private static List<Candidate> candidatesIn(Connection c, String claimable, int max, Instant now, String locking)
            throws SQLException {
        return Jdbc.query(c, "SELECT id, report_id, next_attempt_at FROM inbox i WHERE " + claimable
                + " AND NOT EXISTS (SELECT 1 FROM inbox s WHERE s.report_id = i.report_id AND s.id <> i.id"
                + " AND s.state = 'IN_PROGRESS' AND s.claimed_until >= ?) ORDER BY next_attempt_at, id LIMIT ?"
                + locking, rs -> new Candidate(rs.getLong("id"), rs.getString("report_id"),
                Jdbc.instant(rs, "next_attempt_at")), now, now, max);
    }

    private record Candidate(long id, String document, Instant due) {
    }

    // The conditional update re-checks claimability; H2 has no UPDATE ... RETURNING, so there the row is read back.
    private List<InboxEntry> claimRow(Connection c, long id, String workerId, Instant now, Instant until)
            throws SQLException {
        String update = "UPDATE inbox " + CLAIM_SET + "WHERE id = ? AND " + CLAIMABLE;
        return switch (dialect) {
            case POSTGRESQL -> Jdbc.query(c, update + " RETURNING *", Inbox::entry, workerId, until, now, id, now, now);
            case H2 -> Jdbc.update(c, update, workerId, until, now, id, now, now) == 1
                    ? Jdbc.query(c, "SELECT * FROM inbox WHERE id = ?", Inbox::entry, id) : List.of();
        };
    }

    /**
     * Extends the lease of a row this worker holds to now + {@code lease} (for long documents). False when the lease
     * was already lost: the worker must stop, another may own the row.
     */
    public boolean renewLease(long id, String workerId, Duration lease) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE inbox SET claimed_until = ?, updated_at = ? WHERE id = ? AND state = 'IN_PROGRESS' "
                + "AND claimed_by = ? AND claimed_until >= ?", now.plus(lease), now, id, workerId, now) == 1;
    }

    /** Marks a claimed row done. False when the lease was lost (another worker may own the row now). */
    public boolean complete(long id, String workerId) {
        return release(id, workerId, InboxState.DONE, null, null);
    }

    /** Marks a claimed row as deliberately not processed (topic or event type not handled). */
    public boolean ignore(long id, String workerId, String reason) {
        return release(id, workerId, InboxState.IGNORED, reason, null);
    }

    /**
     * Marks a claimed row as deliberately not processed and appends its audit entry (step {@code IGNORED}, the reason)
     * in one transaction: one commit instead of two for each event set aside. The entry is appended even when the
     * lease was lost (false), as it records what this worker decided.
     */
    public boolean ignore(long id, String workerId, String reason, AuditTrail audit, AuditKeys keys) {
        return jdbc.inTransaction(c -> {
            int released = releaseIn(c, id, workerId, InboxState.IGNORED, reason, null);
            audit.append(c, keys, AuditStep.IGNORED, Map.of("reason", reason));
            return released == 1;
        });
    }

    /**
     * Records a retryable failure: the row becomes FAILED_RETRYING, due again after the policy's backoff, or DEAD
     * when it has used up {@link RetryPolicy#maxAttempts()}. Answers the resulting state, empty if the lease was lost.
     */
    public Optional<InboxState> failRetryable(long id, String workerId, String error) {
        return jdbc.inTransaction(c -> {
            List<Integer> attempts = Jdbc.query(c, "SELECT attempts FROM inbox WHERE id = ? AND state = 'IN_PROGRESS' "
                    + "AND claimed_by = ? FOR UPDATE", rs -> rs.getInt(1), id, workerId);
            if (attempts.isEmpty()) {
                return Optional.empty();
            }
            int attempt = attempts.get(0);
            boolean dead = attempt >= retryPolicy.maxAttempts();
            InboxState state = dead ? InboxState.DEAD : InboxState.FAILED_RETRYING;
            Instant next = clock.instant().plus(retryPolicy.backoffAfter(attempt));
            int updated = releaseIn(c, id, workerId, state, error, dead ? null : next);
            return updated == 1 ? Optional.of(state) : Optional.empty();
        });
    }

    /** Dead-letters a claimed row at once (a permanent failure: retrying cannot help). */
    public boolean deadLetter(long id, String workerId, String error) {
        return release(id, workerId, InboxState.DEAD, error, null);
    }

    private boolean release(long id, String workerId, InboxState state, String error, Instant nextAttemptAt) {
        return jdbc.withConnection(c -> releaseIn(c, id, workerId, state, error, nextAttemptAt)) == 1;
    }

    private int releaseIn(Connection c, long id, String workerId, InboxState state, String error, Instant next)
            throws SQLException {
        Instant now = clock.instant();
        return Jdbc.update(c, "UPDATE inbox SET state = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, "
                        + "claimed_until = NULL, updated_at = ? WHERE id = ? AND state = 'IN_PROGRESS' AND claimed_by = ?",
                state, truncate(error), next == null ? now : next, now, id, workerId);
    }

    /**
     * Puts DEAD or FAILED_RETRYING rows back to NEW with a fresh attempt count. {@code key} is an inbox id, an ESS
     * event id, a FIS document id or a report id. Answers how many rows were replayed.
     */
    public int replay(String key) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE inbox SET state = 'NEW', attempts = 0, next_attempt_at = ?, last_error = NULL, "
                        + "claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE state IN ('DEAD', 'FAILED_RETRYING') "
                        + "AND (CAST(id AS VARCHAR(40)) = ? OR ess_event_id = ? OR fis_document_id = ? OR report_id = ?)",
                now, now, key, key, key, key);
    }

    /** Records which FIS document the row's event is about (known once fetched), so it can be found by that id. */
    public void recordFisDocumentId(long id, String fisDocumentId) {
        jdbc.update("UPDATE inbox SET fis_document_id = ? WHERE id = ? AND fis_document_id IS NULL", fisDocumentId, id);
    }

    /** The latest row about the FIS document, if any. */
    public Optional<InboxEntry> latestForFisDocument(String fisDocumentId) {
        List<InboxEntry> rows = jdbc.query("SELECT * FROM inbox WHERE fis_document_id = ? ORDER BY id DESC",
                Inbox::entry, fisDocumentId);
        return rows.stream().findFirst();
    }

    public Optional<InboxEntry> find(long id) {
        return jdbc.queryOne("SELECT * FROM inbox WHERE id = ?", Inbox::entry, id);
    }

    /** Rows whose inbox id, ESS event id, FIS document id or report id is {@code key}, oldest first. */
    public List<InboxEntry> findByKey(String key) {
        return jdbc.query("SELECT * FROM inbox WHERE CAST(id AS VARCHAR(40)) = ? OR ess_event_id = ? OR fis_document_id = ? "
                + "OR report_id = ? ORDER BY id", Inbox::entry, key, key, key, key);
    }

    public Optional<InboxEntry> findByEssEventId(String essEventId) {
        return jdbc.queryOne("SELECT * FROM inbox WHERE ess_event_id = ?", Inbox::entry, essEventId);
    }

    /** Rows per state (every state present, zero when none). */
    public Map<InboxState, Long> countByState() {
        Map<InboxState, Long> counts = new EnumMap<>(InboxState.class);
        for (InboxState s : InboxState.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) AS n FROM inbox GROUP BY state",
                rs -> counts.put(InboxState.valueOf(rs.getString("state")), rs.getLong("n")));
        return counts;
    }

    /** Rows a worker could claim now: due NEW and FAILED_RETRYING rows, and IN_PROGRESS rows whose lease ran out. */
    public long dueCount() {
        Instant now = clock.instant();
        return jdbc.queryOne("SELECT COUNT(*) FROM inbox WHERE " + CLAIMABLE, rs -> rs.getLong(1), now, now).orElse(0L);
    }

    /** Work not yet finished: NEW, IN_PROGRESS and FAILED_RETRYING rows (the inbox depth gauge). */
    public long depth() {
        return jdbc.queryOne("SELECT COUNT(*) FROM inbox WHERE state IN ('NEW', 'IN_PROGRESS', 'FAILED_RETRYING')",
                rs -> rs.getLong(1)).orElse(0L);
    }

    private static InboxEntry entry(ResultSet rs) throws SQLException {
        InboxEvent event = new InboxEvent(rs.getString("ess_event_id"), rs.getString("topic"),
                rs.getString("event_type"), rs.getString("fis_document_id"), rs.getString("report_id"),
                rs.getString("body"));
        return new InboxEntry(rs.getLong("id"), event, InboxState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Jdbc.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                rs.getString("claimed_by"), Jdbc.instant(rs, "claimed_until"), Jdbc.instant(rs, "received_at"));
    }

    static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    /** One page of the rows in {@code state}, newest first. */
    public Page<InboxEntry> page(InboxState state, int offset, int limit) {
        long total = jdbc.queryOne("SELECT COUNT(*) FROM inbox WHERE state = ?", rs -> rs.getLong(1), state).orElse(0L);
        return new Page<>(jdbc.query("SELECT * FROM inbox WHERE state = ? ORDER BY updated_at DESC, id DESC "
                + "LIMIT ? OFFSET ?", Inbox::entry, state, limit, offset), offset, limit, total);
    }

    /**
     * Puts the finished (DONE) or failed row of {@code essEventId} back to NEW with a fresh attempt count: the replay of
     * a document a finance user fixed after it was rejected. True when this call re-queued it.
     */
    public boolean requeue(String essEventId) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE inbox SET state = 'NEW', attempts = 0, next_attempt_at = ?, last_error = NULL, "
                + "claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE ess_event_id = ? "
                + "AND state IN ('DONE', 'DEAD', 'FAILED_RETRYING')", now, now, essEventId) == 1;
    }
}
