package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.ErpAnswers;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.infor.api.ErpAcknowledgement;
import io.mlconnector.infor.api.InforIonException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the ERP's stored answers to the posting ledger, then opens an exception record for every chunk the ERP has
 * not answered within {@code infor.erp-answer-timeout}.
 * <ul>
 *   <li>The answer names its chunk by BODID (the original BODID, or it with the verb changed) or messageId; no chunk
 *       → audited and ignored.</li>
 *   <li>Accepted → ERP_CONFIRMED; rejected → ERP_REJECTED with the ERP's reason. The first answer of a chunk counts:
 *       ION delivers at least once and out of order, so a repeat (or a later, contradicting answer) changes nothing
 *       and is audited as repeated.</li>
 *   <li>The document's event then runs again (a new inbox row copying it, one per chunk and outcome): the route
 *       confirms success once nothing waits any more, or backs the document out and confirms the error exactly as
 *       when ION refuses a chunk.</li>
 * </ul>
 * Every step is idempotent, so a crash between storing an answer and applying it, or half-way through applying it,
 * only means it is applied (again) on the next tick.
 */
final class ApplyErpAnswers implements Processor {
    static final String NO_ANSWER = "erp-no-answer";
    private static final Logger LOG = LoggerFactory.getLogger(ApplyErpAnswers.class);
    private static final int BATCH = 50;

    private final Services services;

    ApplyErpAnswers(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) {
        for (ErpAnswers.Row row : services.store.erpAnswers().unapplied(BATCH)) {
            apply(row);
        }
        openExceptionsForMissingAnswers();
    }

    private void apply(ErpAnswers.Row row) {
        ErpAcknowledgement answer;
        try {
            answer = ErpAcknowledgement.read(row.payload().getBytes(StandardCharsets.UTF_8));
        } catch (InforIonException e) {
            // checked when it was stored; only a hand-edited row gets here
            unmatched(row, List.of(), e.detail());
            return;
        }
        Optional<LedgerEntry> chunk = answer.references().stream()
                .map(services.store.ledger()::findByReference).flatMap(Optional::stream).findFirst();
        if (chunk.isEmpty()) {
            unmatched(row, answer.references(), "no chunk in the ledger has BODID " + answer.references());
            return;
        }
        LedgerEntry entry = chunk.get();
        AuditKeys keys = AuditKeys.document(entry.plan().fisDocumentId()).withMessageId(entry.messageId());
        boolean counted = switch (answer.outcome()) {
            case ACCEPTED -> services.store.ledger().markErpConfirmed(entry.messageId());
            case REJECTED -> services.store.ledger().markErpRejected(entry.messageId(), answer.describeReason());
        };
        LedgerEntry now = services.store.ledger().find(entry.messageId()).orElseThrow();
        Map<String, Object> detail = detail(row, answer, entry);
        if (counted) {
            services.store.audit().append(keys, switch (answer.outcome()) {
                case ACCEPTED -> AuditStep.CHUNK_CONFIRMED_BY_ERP;
                case REJECTED -> AuditStep.CHUNK_REJECTED_BY_ERP;
            }, detail);
            services.metrics.erpAnswer(answer.outcome().name().toLowerCase());
            services.store.exceptions().resolveFor(entry.plan().fisDocumentId(), NO_ANSWER);
        } else {
            detail.put("ledgerState", now.state().name());
            services.store.audit().append(keys, AuditStep.ERP_ANSWER_REPEATED, detail);
            services.metrics.erpAnswer("repeated");
        }
        if (entry.plan().kind().backsOut()) {
            reversalAnswered(keys, now, answer);
        } else if (now.state() == ChunkState.ERP_REJECTED && confirmedSuccess(entry.plan().fisDocumentId())) {
            rejectedAfterSuccess(keys, now);
        } else if (now.state() == ChunkState.ERP_CONFIRMED || now.state() == ChunkState.ERP_REJECTED) {
            continueDocument(keys, now);
        }
        services.store.erpAnswers().markApplied(row.id(), ErpAnswers.State.APPLIED,
                (counted ? "" : "repeated: ") + answer.outcome() + " " + entry.messageId() + " → " + now.state());
    }

    /** A reversal is never waited for; a refused one needs a finance user, since the entry it backs out stays. */
    private void reversalAnswered(AuditKeys keys, LedgerEntry reversal, ErpAcknowledgement answer) {
        if (answer.outcome() == ErpAcknowledgement.Outcome.REJECTED
                && !services.store.exceptions().isOpen(reversal.plan().fisDocumentId(), "erp-rejected-reversal")) {
            services.store.exceptions().open(keys, "erp-rejected-reversal", List.of(reversal.messageId()),
                    "the ERP rejected the reversal " + reversal.messageId() + " (" + answer.describeReason()
                            + "): " + reversal.plan().reversalOf() + " stays posted; back it out by hand");
        }
    }

    /** Concur already heard success (the kind's policy is ION_ACCEPTED): nothing is backed out behind its back. */
    private boolean confirmedSuccess(String fisDocumentId) {
        return services.store.ledger().confirmation(fisDocumentId)
                .filter(c -> c.outcome() == ConfirmationRecord.Outcome.SUCCESS)
                .filter(c -> c.state() == ConfirmationRecord.State.SENT).isPresent();
    }

    private void rejectedAfterSuccess(AuditKeys keys, LedgerEntry chunk) {
        if (!services.store.exceptions().isOpen(chunk.plan().fisDocumentId(), "erp-rejected-after-success")) {
            services.store.exceptions().open(keys, "erp-rejected-after-success", List.of(chunk.messageId()),
                    "the ERP rejected " + chunk.messageId() + " (" + chunk.lastError() + ") after Concur was told "
                            + "success (infor.confirm-after." + chunk.plan().kind().name().toLowerCase()
                            + "=ION_ACCEPTED): correct it in the ERP");
        }
    }

    private void unmatched(ErpAnswers.Row row, List<String> references, String why) {
        services.store.audit().append(AuditKeys.event(null).withMessageId(row.messageId()),
                AuditStep.ERP_ANSWER_UNMATCHED, Map.of("documentName", row.documentName(), "references", references,
                        "reason", why));
        services.metrics.erpAnswer("unmatched");
        services.store.erpAnswers().markApplied(row.id(), ErpAnswers.State.UNMATCHED, why);
        LOG.warn("ERP answer {} ({}) ignored: {}", row.messageId(), row.documentName(), why);
    }

    /**
     * Runs the document's event again, once per chunk and outcome (the inbox id is derived from both, so a repeated
     * answer or a re-applied one adds nothing).
     */
    private void continueDocument(AuditKeys keys, LedgerEntry chunk) {
        String fisDocumentId = chunk.plan().fisDocumentId();
        Optional<InboxEntry> original = services.store.inbox().latestForFisDocument(fisDocumentId);
        if (original.isEmpty()) {
            services.store.exceptions().open(keys, "erp-answer-without-event", List.of(chunk.messageId()),
                    "the ERP answered " + chunk.messageId() + " (" + chunk.state() + ") but no inbox event names FIS "
                            + "document " + fisDocumentId + ": replay its Concur event");
            return;
        }
        InboxEvent event = original.get().event();
        services.store.inbox().insertContinuation(new InboxEvent("erp:" + chunk.messageId() + ":" + chunk.state(),
                event.topic(), event.eventType(), fisDocumentId, event.reportId(), event.body()));
    }

    private void openExceptionsForMissingAnswers() {
        Instant acceptedBefore = services.clock.instant().minus(services.erp.answerTimeout());
        for (LedgerEntry chunk : services.store.ledger().awaitingErp(services.erp.kindsWaitingForErp(), acceptedBefore)) {
            String fisDocumentId = chunk.plan().fisDocumentId();
            if (services.store.exceptions().isOpen(fisDocumentId, NO_ANSWER)) {
                continue;
            }
            AuditKeys keys = AuditKeys.document(fisDocumentId).withMessageId(chunk.messageId());
            String detail = "no answer from the ERP for " + chunk.messageId() + " since ION accepted it at "
                    + chunk.acceptedAt() + " (infor.erp-answer-timeout " + services.erp.answerTimeout()
                    + "): Concur is not confirmed until the ERP answers; check the chunk in ION OneView";
            services.store.exceptions().open(keys, NO_ANSWER, List.of(chunk.messageId()), detail);
            services.store.audit().append(keys, AuditStep.NO_ERP_ANSWER, Map.of("chunk", chunk.messageId(),
                    "acceptedAt", String.valueOf(chunk.acceptedAt())));
            services.metrics.erpNoAnswer();
        }
    }

    private static Map<String, Object> detail(ErpAnswers.Row row, ErpAcknowledgement answer, LedgerEntry entry) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("chunk", entry.messageId());
        detail.put("answer", row.documentName());
        detail.put("answerMessageId", row.messageId());
        detail.put("outcome", answer.outcome().name());
        if (answer.outcome() == ErpAcknowledgement.Outcome.REJECTED) {
            detail.put("reasonCode", answer.reasonCode());
            detail.put("reason", answer.reason());
        }
        return detail;
    }
}
