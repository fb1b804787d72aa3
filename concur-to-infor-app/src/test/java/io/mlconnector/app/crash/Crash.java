package io.mlconnector.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.app.store.Store;
import io.mlconnector.sandbox.concur.FisState;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The checks both crash tests share: what Concur, ION and the app's store must show once every document is done. */
final class Crash {
    private Crash() {
    }

    /** What a run produced, for the printed figures. */
    record Report(int chunks, int ionMessages, int resentMessageIds, int duplicateMessages,
                  int repeatedAcknowledgements, List<String> resentWithDifferentContent) {
    }

    /**
     * Waits (a liveness bound, not a speed assertion) until Concur shows every document in a final state: POSTED, or
     * FAILED (which {@link #verify} then reports).
     */
    static void awaitAllFinal(CrashLab lab, List<String> docIds, Duration max) {
        try {
            await().atMost(max).pollInterval(Duration.ofMillis(200))
                    .until(() -> docIds.stream().map(lab.concur().fis()::state)
                            .allMatch(s -> s == FisState.POSTED || s == FisState.FAILED));
        } catch (ConditionTimeoutException e) {
            Map<FisState, Integer> states = new TreeMap<>();
            docIds.forEach(id -> states.merge(lab.concur().fis().state(id), 1, Integer::sum));
            throw new AssertionError("not every document was posted or failed within " + max + ": FIS states " + states
                    + lab.logs(), e);
        }
        awaitInboxDrained(lab, max);
    }

    /**
     * An instance killed after Concur took a document's confirmation but before its inbox row was marked done leaves
     * that row claimed; it comes back when the lease runs out and is then finished without posting anything again.
     */
    private static void awaitInboxDrained(CrashLab lab, Duration max) {
        try (Store store = lab.openStore()) {
            try {
                await().atMost(max).pollInterval(Duration.ofMillis(200)).until(() -> unfinished(store) == 0);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("the inbox did not drain within " + max + ": " + store.inbox().countByState()
                        + lab.logs(), e);
            }
        }
    }

    private static long unfinished(Store store) {
        Map<InboxState, Long> counts = store.inbox().countByState();
        return counts.get(InboxState.NEW) + counts.get(InboxState.IN_PROGRESS) + counts.get(InboxState.FAILED_RETRYING);
    }

    /**
     * Every document: POSTED at Concur with exactly one posting confirmation, {@code success}; its ledger chunks all
     * ACCEPTED and none reversed; its confirmation recorded as sent. Every inbox row DONE. ION received every chunk's
     * messageId and no other; any messageId received twice is the same BOD.
     */
    static Report verify(CrashLab lab, Store store, List<String> docIds) {
        Set<String> plannedMessageIds = new HashSet<>();
        int repeatedAcknowledgements = 0;
        for (String docId : docIds) {
            assertThat(lab.concur().fis().state(docId)).as("FIS state of %s", docId).isEqualTo(FisState.POSTED);
            List<JsonNode> confirmations = lab.concur().fis().postingConfirmations(docId);
            assertThat(confirmations).as("posting confirmations Concur received for %s", docId).hasSize(1);
            assertThat(confirmations.get(0).path("overallPostingStatusCode").asText()).isEqualTo("success");
            List<LedgerEntry> chunks = store.ledger().forDocument(docId);
            // the GL journal (Sync BODs) counts once ION accepted it; the AP invoice once the ERP acknowledged it
            assertThat(chunks).as("ledger of %s", docId).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.state()).as(c.messageId()).isEqualTo(switch (c.plan().kind()) {
                        case GL -> ChunkState.ACCEPTED;
                        case AP -> ChunkState.ERP_CONFIRMED;
                        case REVERSAL -> ChunkState.REVERSED; // never: a reversal fails the next line
                    }))
                    .allSatisfy(c -> assertThat(c.plan().kind()).isNotEqualTo(PostingKind.REVERSAL));
            chunks.forEach(c -> plannedMessageIds.add(c.messageId()));
            assertThat(store.ledger().confirmation(docId)).as("confirmation record of %s", docId).hasValueSatisfying(
                    r -> assertThat(r.state()).isEqualTo(ConfirmationRecord.State.SENT));
            repeatedAcknowledgements += lab.concur().fis().acknowledgements(docId).size() - 1;
        }
        Map<InboxState, Long> inbox = store.inbox().countByState();
        // one row per Concur event, plus one per ERP answer that brought a waiting document back
        assertThat(inbox.get(InboxState.DONE)).as("inbox rows DONE of %s", inbox).isGreaterThanOrEqualTo(docIds.size());
        assertThat(inbox.values().stream().mapToLong(Long::longValue).sum()).as("inbox rows of %s", inbox)
                .isEqualTo(inbox.get(InboxState.DONE));
        IonTally ion = IonTally.of(lab.infor().messages());
        assertThat(ion.byMessageId().keySet()).as("messageIds ION received").isEqualTo(plannedMessageIds);
        return new Report(plannedMessageIds.size(), lab.infor().messages().size(), ion.resent().size(),
                ion.duplicateMessages(), repeatedAcknowledgements, ion.resentWithDifferentContent());
    }

    /** The worker ids that sent posting confirmations, from the audit trail. */
    static Map<String, Integer> confirmingWorkers(Store store, List<String> docIds) {
        Map<String, Integer> workers = new TreeMap<>();
        for (String docId : docIds) {
            store.audit().trail(docId).stream()
                    .filter(e -> e.step().equals(io.mlconnector.app.store.AuditStep.CONFIRMATION_SENT))
                    .map(AuditEntry::detail)
                    .forEach(d -> workers.merge(d.path("worker").asText("?"), 1, Integer::sum));
        }
        return workers;
    }
}
