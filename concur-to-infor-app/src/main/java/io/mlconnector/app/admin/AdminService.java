package io.mlconnector.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.reconcile.Reconciliation;
import io.mlconnector.app.reconcile.ReconciliationReport;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.store.Page;
import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.app.store.Quarantine;
import io.mlconnector.app.store.Store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an operator can ask, shared by the CLI, the admin HTTP API and the console: status, audit trail, replay, the
 * lists behind the console's pages, exception handling and the reconciliation.
 */
public final class AdminService {
    /** The audit steps that mean something went wrong, newest shown as the "last error". */
    private static final List<String> ERROR_STEPS = List.of(AuditStep.CHUNK_FAILED, AuditStep.REJECTED,
            AuditStep.RETRY_SCHEDULED, AuditStep.DEAD_LETTERED);

    /** Chunk states under which a new run would re-send an id Infor already refused or saw reversed. */
    private static final Set<ChunkState> REUSED_IDS_REFUSED = Set.of(ChunkState.FAILED, ChunkState.ERP_REJECTED,
            ChunkState.REVERSED);

    private final Store store;
    private final Set<PostingKind> waitingForErp;
    private final Clock clock;

    /** {@code waitingForErp}: the posting kinds whose chunks wait for the ERP's answer ({@code infor.confirm-after.*}). */
    public AdminService(Store store, Set<PostingKind> waitingForErp) {
        this(store, waitingForErp, Clock.systemUTC());
    }

    /** {@code clock} decides what "today" is on the overview. */
    public AdminService(Store store, Set<PostingKind> waitingForErp, Clock clock) {
        this.store = store;
        this.waitingForErp = Set.copyOf(waitingForErp);
        this.clock = clock;
    }

    public StatusReport status() {
        return new StatusReport(store.inbox().countByState(), store.ledger().countByState(),
                store.exceptions().open().size(), store.quarantine().count(), store.ledger().inDoubt().size(),
                store.ledger().countAwaitingErp(waitingForErp));
    }

    /** The audit trail of the document {@code id} names (ESS event id, report id, FIS document id or messageId). */
    public List<AuditEntry> audit(String id) {
        return store.audit().trail(id);
    }

    /**
     * Puts the DEAD or FAILED_RETRYING inbox rows of {@code key} (inbox id, ESS event id, FIS document id or report
     * id) back to NEW, and audits "replay requested" for each.
     */
    public ReplayResult replay(String key) {
        List<InboxEntry> replayable = store.inbox().findByKey(key).stream()
                .filter(e -> e.state() == InboxState.DEAD || e.state() == InboxState.FAILED_RETRYING).toList();
        store.inbox().replay(key);
        List<String> replayed = store.inbox().findByKey(key).stream()
                .filter(e -> e.state() == InboxState.NEW)
                .filter(e -> replayable.stream().anyMatch(r -> r.id() == e.id()))
                .map(InboxEntry::essEventId).toList();
        for (InboxEntry e : replayable) {
            if (replayed.contains(e.essEventId())) {
                store.audit().append(new AuditKeys(e.essEventId(), e.event().reportId(), e.event().fisDocumentId(), null),
                        AuditStep.REPLAY_REQUESTED, Map.of("previousState", e.state().name(), "attempts", e.attempts(),
                                "lastError", e.lastError() == null ? "" : e.lastError()));
            }
        }
        return new ReplayResult(key, replayed);
    }

    /** Counts, today's outcomes (UTC day) and the last error. */
    public Overview overview() {
        Instant startOfDay = LocalDate.now(clock).atStartOfDay().toInstant(ZoneOffset.UTC);
        long posted = store.audit().countSince(AuditStep.CONFIRMATION_SENT, startOfDay)
                + store.audit().countSince(AuditStep.POSTED, startOfDay);
        long failed = store.audit().countSince(AuditStep.REJECTED, startOfDay);
        return new Overview(status(), posted, failed, store.audit().latest(ERROR_STEPS));
    }

    public Page<ExceptionRecord> exceptions(ExceptionRecord.State state, int offset, int limit) {
        return store.exceptions().page(state, offset, clamp(limit));
    }

    /** Inbox rows in {@code state} (DEAD: the dead letters), newest first. */
    public Page<InboxEntry> inbox(InboxState state, int offset, int limit) {
        return store.inbox().page(state, offset, clamp(limit));
    }

    public Page<Quarantine.Delivery> quarantine(int offset, int limit) {
        return store.quarantine().page(offset, clamp(limit));
    }

    /** Everything recorded about the document(s) {@code id} names; {@link DocumentView#found()} is false when nothing. */
    public DocumentView document(String id) {
        List<AuditEntry> timeline = store.audit().trail(id);
        Set<String> documents = new LinkedHashSet<>();
        timeline.stream().map(e -> e.keys().fisDocumentId()).filter(d -> d != null).forEach(documents::add);
        if (documents.isEmpty()) {
            documents.add(id);
        }
        List<LedgerEntry> chunks = new ArrayList<>();
        List<ConfirmationRecord> confirmations = new ArrayList<>();
        for (String document : documents) {
            chunks.addAll(store.ledger().forDocument(document));
            store.ledger().confirmation(document).ifPresent(confirmations::add);
        }
        Map<Long, ExceptionRecord> exceptions = new LinkedHashMap<>();
        for (String key : keysOf(id, timeline)) {
            store.exceptions().forDocument(key).forEach(e -> exceptions.putIfAbsent(e.id(), e));
        }
        return new DocumentView(id, timeline, chunks, glLines(timeline), confirmations, List.copyOf(exceptions.values()));
    }

    private static Set<String> keysOf(String id, List<AuditEntry> timeline) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(id);
        for (AuditEntry e : timeline) {
            for (String k : new String[]{e.keys().essEventId(), e.keys().reportId(), e.keys().fisDocumentId()}) {
                if (k != null) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /** The GL lines of each document's latest mapping. */
    private static List<DocumentView.GlLineView> glLines(List<AuditEntry> timeline) {
        Map<String, AuditEntry> latestMapping = new LinkedHashMap<>();
        timeline.stream().filter(e -> AuditStep.MAPPED.equals(e.step()) && e.keys().fisDocumentId() != null)
                .forEach(e -> latestMapping.put(e.keys().fisDocumentId(), e));
        List<DocumentView.GlLineView> lines = new ArrayList<>();
        latestMapping.forEach((document, mapped) -> {
            String currency = mapped.detail().path("currency").asText("");
            for (JsonNode line : mapped.detail().path("glLines")) {
                String costCenter = line.path("costCenter").asText("");
                lines.add(new DocumentView.GlLineView(document, line.path("glAccount").asText(),
                        costCenter.isEmpty() ? null : costCenter, line.path("side").asText(),
                        new BigDecimal(line.path("amount").asText("0")), currency));
            }
        });
        return lines;
    }

    /**
     * Closes an open exception record by hand; {@code by} and {@code note} go into the audit trail.
     */
    public ExceptionAction resolveException(long id, String by, String note) {
        Optional<ExceptionRecord> found = store.exceptions().find(id);
        if (found.isEmpty()) {
            return new ExceptionAction(id, ExceptionAction.Result.NOT_FOUND, "no exception record " + id);
        }
        if (note == null || note.isBlank()) {
            return new ExceptionAction(id, ExceptionAction.Result.REFUSED, "a note is required to resolve by hand");
        }
        ExceptionRecord record = found.get();
        if (!store.exceptions().resolve(id)) {
            return new ExceptionAction(id, ExceptionAction.Result.REFUSED, "exception " + id + " is already resolved");
        }
        store.audit().append(keys(record), AuditStep.EXCEPTION_RESOLVED, Map.of("exceptionId", id,
                "reason", record.reason(), "by", by, "note", note.strip()));
        return new ExceptionAction(id, ExceptionAction.Result.DONE, "exception " + id + " resolved by " + by);
    }

    /**
     * Runs the document of an open exception record again (after its mapping was fixed): its event goes back to the
     * inbox, and the record is resolved once the document posts. Refused when posting it again cannot be right:
     * Concur already has the document's error confirmation (FIS closed it; the corrected report comes as a new
     * document), or chunks of it were refused or reversed in Infor under the ids a re-run would use again.
     */
    public ExceptionAction replayException(long id, String by) {
        Optional<ExceptionRecord> found = store.exceptions().find(id);
        if (found.isEmpty()) {
            return new ExceptionAction(id, ExceptionAction.Result.NOT_FOUND, "no exception record " + id);
        }
        ExceptionRecord record = found.get();
        Optional<String> refusal = whyNotReplayable(record);
        if (refusal.isPresent()) {
            return new ExceptionAction(id, ExceptionAction.Result.REFUSED, refusal.get());
        }
        if (!store.inbox().requeue(record.essEventId())) {
            return new ExceptionAction(id, ExceptionAction.Result.REFUSED, "event " + record.essEventId()
                    + " is already waiting or in progress");
        }
        store.audit().append(keys(record), AuditStep.REPLAY_REQUESTED, Map.of("exceptionId", id, "by", by));
        return new ExceptionAction(id, ExceptionAction.Result.DONE, "document " + documentOf(record)
                + " queued again; the exception closes when it posts");
    }

    /** Why the exception's document must not run again; empty when it may. */
    public Optional<String> whyNotReplayable(ExceptionRecord record) {
        if (record.state() != ExceptionRecord.State.OPEN) {
            return Optional.of("exception " + record.id() + " is already resolved");
        }
        if (record.essEventId() == null) {
            return Optional.of("exception " + record.id() + " names no event to run again");
        }
        String document = record.fisDocumentId();
        if (document == null) {
            return Optional.empty();
        }
        if (store.ledger().confirmation(document).map(c -> c.outcome() == ConfirmationRecord.Outcome.ERROR)
                .orElse(false)) {
            return Optional.of("Concur closed " + document + " with an error confirmation, so it is never posted again; "
                    + "the corrected report arrives from Concur as a new document");
        }
        if (store.ledger().forDocument(document).stream()
                .anyMatch(c -> REUSED_IDS_REFUSED.contains(c.state()))) {
            return Optional.of("chunks of " + document + " were refused or reversed in Infor under the ids a new run "
                    + "would use again: post the correction in Infor and resolve this exception with a note");
        }
        return Optional.empty();
    }

    /** Every document Concur made ready from {@code from} to {@code to} (UTC days) against the ledger. */
    public ReconciliationReport reconcile(LocalDate from, LocalDate to) {
        return new Reconciliation(store).between(from, to);
    }

    private static String documentOf(ExceptionRecord record) {
        return record.reportId() != null ? record.reportId() : record.fisDocumentId();
    }

    private static AuditKeys keys(ExceptionRecord record) {
        return new AuditKeys(record.essEventId(), record.reportId(), record.fisDocumentId(), null);
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, Page.MAX_LIMIT));
    }
}
