package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.posting.ChunkKind;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.ChunkPlan;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.store.PostingKind;
import io.mlconnector.app.store.PostingLedger;
import io.mlconnector.infor.api.Bod;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.PostResult;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Posts one chunk through ION at most once per ledger state, so retries and restarts never create a second,
 * different posting:
 * <ul>
 *   <li>the ledger row is planned (PENDING) under the chunk's deterministic messageId before anything is sent;</li>
 *   <li>it is marked SENT <em>before</em> the call, so a crash during the call leaves it "in doubt";</li>
 *   <li>an in-doubt chunk is re-sent with the same messageId and BODID: ION does not de-duplicate (infor-ion.md §6),
 *       but the receiving application can, and ION keeps the source messageId for exactly that;</li>
 *   <li>an ACCEPTED chunk is never sent again.</li>
 * </ul>
 */
final class ChunkPoster {
    /** ION refuses the message itself: resending cannot help, the document must be backed out. */
    private static final Set<InforIonErrorType> REFUSED = Set.of(InforIonErrorType.INVALID_MESSAGE,
            InforIonErrorType.PAYLOAD_TOO_LARGE, InforIonErrorType.INVALID_INPUT);

    private final Services services;

    ChunkPoster(Services services) {
        this.services = services;
    }

    /** Posts the chunk unless the ledger says it is already accepted; answers its ledger row. */
    LedgerEntry post(AuditKeys documentKeys, PostingChunk chunk) {
        Bod bod = bod(chunk);
        LedgerEntry entry = services.store.ledger().plan(plan(chunk, bod));
        AuditKeys keys = documentKeys.withMessageId(entry.messageId());
        switch (entry.state()) {
            case ACCEPTED, ERP_CONFIRMED, REVERSED -> {
                return entry;
            }
            case FAILED -> throw refused(chunk, entry.lastError());
            case SENT -> services.store.audit().append(keys, AuditStep.CHUNK_IN_DOUBT,
                    Map.of("chunk", chunk.id()));
            case PENDING -> {
                if (!services.store.ledger().markSent(entry.messageId())) {
                    throw new IllegalStateException("chunk " + entry.messageId() + " is being sent by another worker");
                }
            }
        }
        return send(keys, chunk, bod, entry);
    }

    private LedgerEntry send(AuditKeys keys, PostingChunk chunk, Bod bod, LedgerEntry entry) {
        PostResult result;
        try {
            result = services.metrics.timeChunk(() -> services.messaging.postMessage(bod));
        } catch (InforIonException e) {
            if (e.type() == InforIonErrorType.THROTTLED) {
                services.metrics.ionThrottled();
            }
            if (REFUSED.contains(e.type())) {
                services.store.ledger().markFailed(entry.messageId(), e.getMessage());
                services.store.audit().append(keys, AuditStep.CHUNK_FAILED, Map.of("chunk", chunk.id(),
                        "error", e.getMessage()));
                throw refused(chunk, e.getMessage());
            }
            throw e;
        }
        services.store.ledger().markAccepted(entry.messageId(), result.bodId());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("chunk", chunk.id());
        detail.put("documentName", result.documentName());
        detail.put("bodId", result.bodId());
        detail.put("httpStatus", result.httpStatus());
        detail.put("bytes", result.payloadBytes());
        detail.put("lines", chunk.lines().size());
        services.store.audit().append(keys, chunk.isReversal() ? AuditStep.CHUNK_REVERSED : AuditStep.CHUNK_ACCEPTED,
                detail);
        return services.store.ledger().find(entry.messageId()).orElseThrow();
    }

    /** Posts the reversal of an accepted chunk and marks the original REVERSED. */
    void reverse(AuditKeys documentKeys, PostingChunk original, LedgerEntry originalEntry) {
        PostingChunk reversal = io.mlconnector.app.posting.Reversals.of(original);
        Bod bod = bod(reversal);
        LedgerEntry entry = services.store.ledger().plan(ChunkPlan.reversal(originalEntry.plan(), bod.messageId(),
                bod.bodId() == null ? bod.messageId() : bod.bodId(), FetchFisDocument.sha256(reversal.toString())));
        if (entry.state() == io.mlconnector.app.store.ChunkState.PENDING) {
            services.store.ledger().markSent(entry.messageId());
        }
        if (entry.state() != io.mlconnector.app.store.ChunkState.ACCEPTED) {
            send(documentKeys.withMessageId(entry.messageId()), reversal, bod, entry);
        }
        services.store.ledger().markReversed(originalEntry.messageId());
    }

    Bod bod(PostingChunk chunk) {
        return chunk.kind() == ChunkKind.GL
                ? services.bods.syncJournalEntry(InforDocuments.journalEntry(chunk))
                : services.bods.processSupplierInvoice(InforDocuments.supplierInvoice(chunk));
    }

    private static ChunkPlan plan(PostingChunk chunk, Bod bod) {
        PostingKind kind = chunk.kind() == ChunkKind.GL ? PostingKind.GL : PostingKind.AP;
        return ChunkPlan.posting(chunk.fisDocumentId(), chunk.number(), chunk.count(), kind, bod.messageId(),
                bod.bodId() == null ? bod.messageId() : bod.bodId(), FetchFisDocument.sha256(chunk.toString()),
                amount(chunk), chunk.currency());
    }

    private static BigDecimal amount(PostingChunk chunk) {
        if (chunk.kind() == ChunkKind.AP) {
            return chunk.payable().orElseThrow().amount();
        }
        return chunk.lines().stream().filter(l -> l.side() == io.mlconnector.app.posting.DebitCredit.DEBIT)
                .map(GlLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static DocumentRejected refused(PostingChunk chunk, String why) {
        return new DocumentRejected("chunk-refused", List.of(chunk.id()),
                List.of("Infor ION refused " + chunk.id() + ": " + why));
    }

    /** The ledger rows of this document that are posted and not yet backed out. */
    static boolean isPosted(LedgerEntry entry) {
        return entry.plan().kind() != PostingKind.REVERSAL
                && (entry.state() == io.mlconnector.app.store.ChunkState.ACCEPTED
                || entry.state() == io.mlconnector.app.store.ChunkState.ERP_CONFIRMED);
    }

    PostingLedger ledger() {
        return services.store.ledger();
    }
}
