package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.posting.ChunkKind;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.ChunkPlan;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.store.PostingKind;
import io.mlconnector.app.posting.Reversals;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Posts one chunk through the configured {@link ChunkSender} at most once per ledger state, so retries and restarts
 * never create a second, different posting. The single owner of the chunk's ledger transitions:
 * <ul>
 *   <li>the ledger row is planned (PENDING) under the chunk's deterministic messageId before anything is sent;</li>
 *   <li>it is marked SENT <em>before</em> the call, so a crash during the call leaves it "in doubt";</li>
 *   <li>an in-doubt chunk is first looked up in the ERP where the target can be asked (M3 {@code LstInvBySupInv}):
 *       found → recorded without sending; otherwise it is re-sent with the same messageId and BODID: ION does not
 *       de-duplicate (infor-ion.md §6), but the receiving application can, and ION keeps the source messageId for
 *       exactly that;</li>
 *   <li>success is ACCEPTED when Infor only took the message (ION's 202) and ERP_CONFIRMED when the ERP answered
 *       (M3): the two are kept apart (issue 5 item 7);</li>
 *   <li>an ACCEPTED or ERP_CONFIRMED chunk is never sent again.</li>
 * </ul>
 */
final class ChunkPoster {
    private final Services services;
    private final ChunkSender sender;
    private final String workerId;

    ChunkPoster(Services services, String workerId) {
        this.services = services;
        this.workerId = workerId;
        this.sender = services.sender;
    }

    /** Posts the chunk unless the ledger says it is already accepted; answers its ledger row. */
    LedgerEntry post(AuditKeys documentKeys, PostingChunk chunk) {
        ChunkSender.Outgoing outgoing = sender.prepare(chunk);
        LedgerEntry entry = services.store.ledger().plan(plan(chunk, outgoing));
        return post(documentKeys.withMessageId(entry.messageId()), outgoing, entry);
    }

    private LedgerEntry post(AuditKeys keys, ChunkSender.Outgoing outgoing, LedgerEntry entry) {
        PostingChunk chunk = outgoing.chunk();
        switch (entry.state()) {
            case ERP_CONFIRMED, REVERSED -> {
                return entry;
            }
            case ACCEPTED -> {
                return sender.stateWhenSent() == ChunkState.ERP_CONFIRMED ? confirmedByErp(entry) : entry;
            }
            case FAILED -> throw refused(chunk, entry.lastError());
            case ERP_REJECTED -> throw rejectedByErp(chunk.id(), entry.lastError());
            case SENT -> {
                requireSenderGone(entry);
                Optional<String> found = sender.canFindExisting() ? sender.findExisting(outgoing) : Optional.empty();
                if (found.isPresent()) {
                    return record(keys, chunk, entry, found.get(), AuditStep.CHUNK_FOUND_IN_ERP,
                            Map.of("inforReference", found.get()));
                }
                services.store.audit().append(keys, AuditStep.CHUNK_IN_DOUBT, Map.of("chunk", chunk.id()));
            }
            case PENDING -> {
                if (!services.store.ledger().markSent(entry.messageId(), workerId)) {
                    throw new IllegalStateException("chunk " + entry.messageId() + " is being sent by another worker");
                }
            }
        }
        return send(keys, outgoing, entry);
    }

    private LedgerEntry send(AuditKeys keys, ChunkSender.Outgoing outgoing, LedgerEntry entry) {
        PostingChunk chunk = outgoing.chunk();
        ChunkSender.Sent result;
        try {
            result = services.metrics.timeChunk(() -> sender.send(outgoing));
        } catch (InforIonException e) {
            if (e.type() == InforIonErrorType.THROTTLED) {
                services.metrics.ionThrottled();
            }
            if (sender.refuses(e)) {
                services.store.ledger().markFailed(entry.messageId(), e.getMessage());
                services.store.audit().append(keys, AuditStep.CHUNK_FAILED, Map.of("chunk", chunk.id(),
                        "error", e.getMessage()));
                throw refused(chunk, e.getMessage());
            }
            throw e;
        }
        String step = chunk.isReversal() ? AuditStep.CHUNK_REVERSED
                : sender.stateWhenSent() == ChunkState.ERP_CONFIRMED ? AuditStep.CHUNK_CONFIRMED_BY_ERP
                : AuditStep.CHUNK_ACCEPTED;
        return record(keys, chunk, entry, result.reference(), step, result.detail());
    }

    /**
     * A SENT chunk is "in doubt" only when its sender cannot still be waiting for the answer: it is this instance
     * (which is here, so not mid-call), an unknown sender, or one whose inbox lease has run out. Re-sending while
     * another instance is mid-call would put a second copy into ION.
     */
    private void requireSenderGone(LedgerEntry entry) {
        if (entry.sentBy() == null || entry.sentBy().equals(workerId) || entry.sentAt() == null) {
            return;
        }
        Instant senderGone = entry.sentAt().plus(services.config.worker().lease());
        if (services.clock.instant().isBefore(senderGone)) {
            throw new IllegalStateException("chunk " + entry.messageId() + " is being sent by " + entry.sentBy()
                    + " since " + entry.sentAt() + "; it counts as in doubt only after " + senderGone);
        }
    }

    /** SENT → ACCEPTED (→ ERP_CONFIRMED when the target is the ERP itself), and the audit entry. */
    private LedgerEntry record(AuditKeys keys, PostingChunk chunk, LedgerEntry entry, String inforReference,
                               String step, Map<String, Object> sent) {
        services.store.ledger().markAccepted(entry.messageId(), inforReference);
        if (sender.stateWhenSent() == ChunkState.ERP_CONFIRMED) {
            services.store.ledger().markErpConfirmed(entry.messageId());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("chunk", chunk.id());
        detail.putAll(sent);
        detail.put("lines", chunk.lines().size());
        services.store.audit().append(keys, step, detail);
        return services.store.ledger().find(entry.messageId()).orElseThrow();
    }

    /** A crash between the two marks of an ERP-confirmed send leaves ACCEPTED: M3 had answered, so finish it. */
    private LedgerEntry confirmedByErp(LedgerEntry entry) {
        services.store.ledger().markErpConfirmed(entry.messageId());
        return services.store.ledger().find(entry.messageId()).orElseThrow();
    }

    /** Posts the reversal of an accepted chunk and marks the original REVERSED. */
    void reverse(AuditKeys documentKeys, PostingChunk original, LedgerEntry originalEntry) {
        PostingChunk reversal = Reversals.of(original);
        ChunkSender.Outgoing outgoing = sender.prepare(reversal);
        LedgerEntry entry = services.store.ledger().plan(ChunkPlan.reversal(originalEntry.plan(), outgoing.messageId(),
                outgoing.reference(), ContentHash.sha256(reversal.toString())));
        post(documentKeys.withMessageId(entry.messageId()), outgoing, entry);
        services.store.ledger().markReversed(originalEntry.messageId());
    }

    /** The deterministic ledger messageId of the chunk under the configured posting mode. */
    String messageId(PostingChunk chunk) {
        return sender.prepare(chunk).messageId();
    }

    private static ChunkPlan plan(PostingChunk chunk, ChunkSender.Outgoing outgoing) {
        PostingKind kind = chunk.kind() == ChunkKind.GL ? PostingKind.GL : PostingKind.AP;
        return ChunkPlan.posting(chunk.fisDocumentId(), chunk.number(), chunk.count(), kind, outgoing.messageId(),
                outgoing.reference(), ContentHash.sha256(chunk.toString()), amount(chunk), chunk.currency());
    }

    private static BigDecimal amount(PostingChunk chunk) {
        if (chunk.kind() == ChunkKind.AP) {
            return chunk.payable().orElseThrow().amount();
        }
        return chunk.lines().stream().filter(l -> l.side() == io.mlconnector.app.posting.DebitCredit.DEBIT)
                .map(GlLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private DocumentRejected refused(PostingChunk chunk, String why) {
        return new DocumentRejected("chunk-refused", List.of(chunk.id()),
                List.of(sender.target() + " refused " + chunk.id() + ": " + why));
    }

    /** ION took the chunk, the ERP refused it: handled exactly as a refusal by ION (back out, error confirmation). */
    static DocumentRejected rejectedByErp(String chunk, String why) {
        return new DocumentRejected("erp-rejected", List.of(chunk), List.of("the ERP rejected " + chunk + ": " + why));
    }

    /** The ledger rows of this document that are posted and not yet backed out. */
    static boolean isPosted(LedgerEntry entry) {
        return entry.plan().kind() != PostingKind.REVERSAL
                && (entry.state() == ChunkState.ACCEPTED || entry.state() == ChunkState.ERP_CONFIRMED);
    }
}
