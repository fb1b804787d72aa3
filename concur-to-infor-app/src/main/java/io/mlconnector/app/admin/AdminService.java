package io.mlconnector.app.admin;

import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.PostingKind;
import io.mlconnector.app.store.Store;

import java.util.List;
import java.util.Set;
import java.util.Map;

/** What an operator can ask, shared by the CLI and the admin HTTP API: status, audit trail, replay. */
public final class AdminService {
    private final Store store;
    private final Set<PostingKind> waitingForErp;

    /** {@code waitingForErp}: the posting kinds whose chunks wait for the ERP's answer ({@code infor.confirm-after.*}). */
    public AdminService(Store store, Set<PostingKind> waitingForErp) {
        this.store = store;
        this.waitingForErp = Set.copyOf(waitingForErp);
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
}
