package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.ChunkPlan;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.posting.Reversals;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.infor.api.DebitCredit;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Posts one chunk through the configured {@link ChunkSender}'s {@code infor-ion:} endpoint at most once per ledger
 * state, so retries and restarts never create a second, different posting. In the route it is the step on either
 * side of that endpoint ({@link #prepare}, {@link #sent}, {@link #refused}); backing a document out posts its
 * reversals with {@link #post}. The single owner of the chunk's ledger transitions:
 * <ul>
 *   <li>the ledger row is planned (PENDING) under the chunk's deterministic messageId before anything is sent;</li>
 *   <li>it is marked SENT <em>before</em> the call, so a crash during the call leaves it "in doubt";</li>
 *   <li>an in-doubt chunk is first looked up in the ERP where the target can be asked (M3 {@code LstInvBySupInv}):
 *       found → recorded without sending; otherwise it is re-sent with the same messageId and BODID: ION does not
 *       de-duplicate, but the receiving application can, and ION keeps the source messageId for exactly that
 *       (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/cyj1654168822304.html);</li>
 *   <li>success is ACCEPTED when Infor only took the message (ION's 202) and ERP_CONFIRMED when the ERP answered
 *       (M3): the two are kept apart, so ION's acceptance is never taken for a posting;</li>
 *   <li>an ACCEPTED or ERP_CONFIRMED chunk is never sent again.</li>
 * </ul>
 */
final class ChunkPoster {
    /** The exchange property naming the chunk whose message is in the body on its way to Infor. */
    static final String SENDING = "mlcChunkSending";

    private final Services services;
    private final ChunkSender sender;
    private final String workerId;
    private final ProducerTemplate infor;

    /**
     * @param infor sends the chunks posted outside the route's own step (reversals while backing a document out)
     *              through the same {@code infor-ion:} endpoint the route uses
     */
    ChunkPoster(Services services, String workerId, ProducerTemplate infor) {
        this.services = services;
        this.workerId = workerId;
        this.sender = services.sender;
        this.infor = infor;
    }

    /** A chunk whose message is on its way: what {@link #sent} records once Infor answered. */
    private record Sending(AuditKeys keys, ChunkSender.Outgoing outgoing, LedgerEntry entry, long startedNanos) {
    }

    /** The {@code infor-ion:} endpoint the route sends each chunk's message to. */
    String endpointUri() {
        return sender.endpointUri();
    }

    /**
     * The route's step before a chunk (the body) goes to Infor: holds the lease, plans the ledger row and, unless the
     * ledger says the chunk is already there, marks it SENT and puts its message in the body.
     */
    void prepare(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        PostingChunk chunk = exchange.getMessage().getBody(PostingChunk.class);
        // a long document keeps its claim, so no other instance takes it over mid-way
        work.holdLease(services, "chunk " + chunk.id());
        ChunkSender.Outgoing outgoing = sender.prepare(chunk);
        LedgerEntry entry = services.store.ledger().plan(plan(chunk, outgoing));
        AuditKeys keys = work.keys.withMessageId(entry.messageId());
        Optional<LedgerEntry> settled = settle(keys, outgoing, entry);
        if (settled.isPresent()) {
            work.postedMessageIds.add(settled.get().messageId());
            return;
        }
        exchange.setProperty(SENDING, new Sending(keys, outgoing, entry, System.nanoTime()));
        exchange.getMessage().setBody(sender.message(outgoing));
    }

    /** True when {@link #prepare} left a message to send. */
    static boolean isDue(Exchange exchange) {
        return exchange.getProperty(SENDING) != null;
    }

    /** The route's step after Infor answered (the body): the ledger records it. */
    void sent(Exchange exchange) {
        Sending sending = exchange.getProperty(SENDING, Sending.class);
        exchange.removeProperty(SENDING);
        services.metrics.chunkLatency(Duration.ofNanos(System.nanoTime() - sending.startedNanos()));
        Object reply = exchange.getMessage().getBody();
        LedgerEntry entry = record(sending.keys(), sending.outgoing(), sending.entry(), reply);
        DocumentWork.of(exchange).postedMessageIds.add(entry.messageId());
    }

    /** True when Infor refused the chunk on its way: sending it again cannot help. */
    boolean isRefusal(Exchange exchange) {
        return isDue(exchange) && caught(exchange) instanceof InforIonException e && sender.refuses(e);
    }

    /** The chunk Infor refused is FAILED in the ledger, and the document is rejected for it. */
    void refused(Exchange exchange) {
        Sending sending = exchange.getProperty(SENDING, Sending.class);
        exchange.removeProperty(SENDING);
        exchange.setProperty(DocumentRejected.PROPERTY, refusal(sending.keys(), sending.entry(),
                sending.outgoing().chunk(), (InforIonException) caught(exchange)));
    }

    /** Counts ION's throttling answers (its 429 after the connector's own retries). */
    void countThrottling(Exchange exchange) {
        if (caught(exchange) instanceof InforIonException e && e.type() == InforIonErrorType.THROTTLED) {
            services.metrics.ionThrottled();
        }
    }

    private static Throwable caught(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /** Posts the chunk unless the ledger says it is already accepted, outside the route; answers its ledger row. */
    LedgerEntry post(AuditKeys documentKeys, PostingChunk chunk) {
        ChunkSender.Outgoing outgoing = sender.prepare(chunk);
        LedgerEntry entry = services.store.ledger().plan(plan(chunk, outgoing));
        return post(documentKeys.withMessageId(entry.messageId()), outgoing, entry);
    }

    private LedgerEntry post(AuditKeys keys, ChunkSender.Outgoing outgoing, LedgerEntry entry) {
        Optional<LedgerEntry> settled = settle(keys, outgoing, entry);
        if (settled.isPresent()) {
            return settled.get();
        }
        Object reply;
        long started = System.nanoTime();
        try {
            reply = infor.requestBody(sender.endpointUri(), sender.message(outgoing));
        } catch (CamelExecutionException e) {
            if (!(e.getCause() instanceof InforIonException failure)) {
                throw e;
            }
            if (failure.type() == InforIonErrorType.THROTTLED) {
                services.metrics.ionThrottled();
            }
            if (sender.refuses(failure)) {
                throw refusal(keys, entry, outgoing.chunk(), failure);
            }
            throw failure;
        }
        services.metrics.chunkLatency(Duration.ofNanos(System.nanoTime() - started));
        return record(keys, outgoing, entry, reply);
    }

    /**
     * What the ledger row says before sending: the row as it stands when the chunk is already in Infor (or found
     * there), empty when it must be sent now (it is then SENT).
     */
    private Optional<LedgerEntry> settle(AuditKeys keys, ChunkSender.Outgoing outgoing, LedgerEntry entry) {
        PostingChunk chunk = outgoing.chunk();
        switch (entry.state()) {
            case ERP_CONFIRMED, REVERSED -> {
                return Optional.of(entry);
            }
            case ACCEPTED -> {
                return Optional.of(sender.stateWhenSent() == ChunkState.ERP_CONFIRMED ? confirmedByErp(entry) : entry);
            }
            case FAILED -> throw refused(chunk, entry.lastError());
            case ERP_REJECTED -> throw rejectedByErp(chunk.id(), entry.lastError());
            case SENT -> {
                requireSenderGone(entry);
                Optional<String> found = sender.canFindExisting() ? sender.findExisting(outgoing) : Optional.empty();
                if (found.isPresent()) {
                    return Optional.of(record(keys, chunk, entry, found.get(), AuditStep.CHUNK_FOUND_IN_ERP,
                            Map.of("inforReference", found.get())));
                }
                services.store.audit().append(keys, AuditStep.CHUNK_IN_DOUBT, Map.of("chunk", chunk.id()));
            }
            case PENDING -> {
                if (!services.store.ledger().markSent(entry.messageId(), workerId)) {
                    throw new RetryLater("chunk " + entry.messageId() + " is being sent by another worker");
                }
            }
        }
        return Optional.empty();
    }

    /** Infor's answer to a send, recorded. */
    private LedgerEntry record(AuditKeys keys, ChunkSender.Outgoing outgoing, LedgerEntry entry, Object reply) {
        PostingChunk chunk = outgoing.chunk();
        ChunkSender.Sent result = sender.sent(outgoing, reply);
        String step = chunk.isReversal() ? AuditStep.CHUNK_REVERSED
                : sender.stateWhenSent() == ChunkState.ERP_CONFIRMED ? AuditStep.CHUNK_CONFIRMED_BY_ERP
                : AuditStep.CHUNK_ACCEPTED;
        return record(keys, chunk, entry, result.reference(), step, result.detail());
    }

    /** Infor refused the chunk: FAILED in the ledger and the audit trail, and the rejection of the document. */
    private DocumentRejected refusal(AuditKeys keys, LedgerEntry entry, PostingChunk chunk, InforIonException e) {
        services.store.ledger().markFailed(entry.messageId(), e.getMessage());
        services.store.audit().append(keys, AuditStep.CHUNK_FAILED, Map.of("chunk", chunk.id(),
                "error", e.getMessage()));
        return refused(chunk, e.getMessage());
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
        Instant senderGone = entry.sentAt().plus(services.settings.worker().lease());
        if (services.clock.instant().isBefore(senderGone)) {
            throw new RetryLater("chunk " + entry.messageId() + " is being sent by " + entry.sentBy()
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
        return ChunkPlan.posting(chunk.fisDocumentId(), chunk.number(), chunk.count(), chunk.kind(), outgoing.messageId(),
                outgoing.reference(), ContentHash.sha256(chunk.toString()), amount(chunk), chunk.currency());
    }

    private static BigDecimal amount(PostingChunk chunk) {
        return switch (chunk.kind()) {
            case GL -> chunk.lines().stream().filter(l -> l.side() == DebitCredit.DEBIT)
                    .map(GlLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            case AP -> chunk.payable().orElseThrow().amount();
            case REVERSAL -> throw chunk.kind().notAChunkKind();
        };
    }

    private DocumentRejected refused(PostingChunk chunk, String why) {
        return new DocumentRejected(RejectionReason.CHUNK_REFUSED, List.of(chunk.id()),
                List.of(sender.target() + " refused " + chunk.id() + ": " + why));
    }

    /** ION took the chunk, the ERP refused it: handled exactly as a refusal by ION (back out, error confirmation). */
    static DocumentRejected rejectedByErp(String chunk, String why) {
        return new DocumentRejected(RejectionReason.ERP_REJECTED, List.of(chunk), List.of("the ERP rejected " + chunk + ": " + why));
    }

    /** The ledger rows of this document that are posted and not yet backed out. */
    static boolean isPosted(LedgerEntry entry) {
        return !entry.plan().kind().backsOut()
                && (entry.state() == ChunkState.ACCEPTED || entry.state() == ChunkState.ERP_CONFIRMED);
    }
}
