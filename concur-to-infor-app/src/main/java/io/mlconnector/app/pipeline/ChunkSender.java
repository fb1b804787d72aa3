package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.ChunkingException;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.posting.PostingPlan;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.infor.api.InforIonException;

import java.util.Map;
import java.util.Optional;

/**
 * How a chunk reaches Infor, per {@code infor.posting-mode}: BODs through ION ({@link BodChunkSender}) or M3 supplier
 * invoices through APS450MI ({@link M3ChunkSender}). A sender only talks to Infor; {@link ChunkPoster} owns every
 * ledger transition around it (README-posting.md states the guarantee of each).
 */
interface ChunkSender {

    /**
     * The chunks this target posts for the document, in order.
     *
     * @throws ChunkingException when the document cannot be split under the target's limits
     * @throws DocumentRejected  when the target cannot take the document at all
     */
    PostingPlan plan(AccountingDocument document);

    /** The chunk as this target's message, with its deterministic ledger identity (same chunk, same identity). */
    Outgoing prepare(PostingChunk chunk);

    /**
     * Asks Infor whether an in-doubt chunk (SENT, outcome unknown) is already there.
     *
     * @return the Infor reference when it is; empty when it is not, or when the target cannot be asked
     *         ({@link #canFindExisting()} false)
     */
    Optional<String> findExisting(Outgoing outgoing);

    /** True when {@link #findExisting} can tell: an ERP existence check, which ION messaging has none of. */
    boolean canFindExisting();

    /** The {@code infor-ion:} endpoint that sends this target's messages, e.g. {@code infor-ion:post-bod}. */
    String endpointUri();

    /** The chunk's message as the body of {@link #endpointUri()}: a BOD, an M3 supplier invoice. */
    Object message(Outgoing outgoing);

    /**
     * What Infor answered to one send: the endpoint's reply body as the ledger reference and the audit detail.
     * The endpoint raises {@link InforIonException}: transient (retry: the chunk stays SENT, in doubt) or a refusal
     * ({@link #refuses}).
     */
    Sent sent(Outgoing outgoing, Object reply);

    /** True when Infor refused the chunk itself: sending it again cannot help, the document must be backed out. */
    boolean refuses(InforIonException e);

    /**
     * The ledger state a successful {@link #send} means: {@link ChunkState#ACCEPTED} when Infor only took the message
     * (ION's 202), {@link ChunkState#ERP_CONFIRMED} when the ERP itself answered (M3, synchronously).
     */
    ChunkState stateWhenSent();

    /** The ERP document number Concur is told in the posting confirmation's {@code postingDocs}. */
    String documentNumber(PostingChunk chunk);

    /** The target's name for messages, e.g. {@code Infor ION}. */
    String target();

    /** A chunk ready to send. */
    interface Outgoing {
        PostingChunk chunk();

        /** The ledger's deterministic messageId. */
        String messageId();

        /** The reference recorded in the ledger before sending (BODID, or the M3 supplier invoice key). */
        String reference();
    }

    /**
     * What Infor answered.
     *
     * @param reference the Infor reference for the ledger (BODID, M3 invoice batch number INBN)
     * @param detail    what the audit trail records
     */
    record Sent(String reference, Map<String, Object> detail) {
    }
}
