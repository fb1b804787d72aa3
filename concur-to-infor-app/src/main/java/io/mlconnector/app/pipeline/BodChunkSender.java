package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.ChunkPlanner;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.posting.PostingPlan;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.infor.api.Bod;
import io.mlconnector.infor.api.BodOperations;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.PostResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code infor.posting-mode=BOD}: the GL journal chunks as Sync.SourceSystemJournalEntry and the AP invoice as
 * Process.SupplierInvoice, posted through ION messaging. ION's 202 only means ION took the message
 * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html), and ION cannot be asked whether it
 * has a message: an in-doubt chunk is re-sent with the same messageId and BODID.
 */
final class BodChunkSender implements ChunkSender {
    /** ION refuses the message itself: resending cannot help, the document must be backed out. */
    private static final Set<InforIonErrorType> REFUSED = Set.of(InforIonErrorType.INVALID_MESSAGE,
            InforIonErrorType.PAYLOAD_TOO_LARGE, InforIonErrorType.INVALID_INPUT);

    private final BodOperations bods;
    private final ChunkPlanner planner;

    BodChunkSender(BodOperations bods, ChunkPlanner planner) {
        this.bods = bods;
        this.planner = planner;
    }

    private record BodChunk(PostingChunk chunk, Bod bod) implements Outgoing {
        @Override
        public String messageId() {
            return bod.messageId();
        }

        @Override
        public String reference() {
            return bod.bodId() == null ? bod.messageId() : bod.bodId();
        }
    }

    @Override
    public PostingPlan plan(AccountingDocument document) {
        return planner.plan(document);
    }

    @Override
    public Outgoing prepare(PostingChunk chunk) {
        return new BodChunk(chunk, switch (chunk.kind()) {
            case GL -> bods.syncJournalEntry(InforDocuments.journalEntry(chunk));
            case AP -> bods.processSupplierInvoice(InforDocuments.supplierInvoice(chunk));
            case REVERSAL -> throw chunk.kind().notAChunkKind();
        });
    }

    @Override
    public Optional<String> findExisting(Outgoing outgoing) {
        return Optional.empty();
    }

    @Override
    public boolean canFindExisting() {
        return false;
    }

    /** ION messaging through the IMS via API Gateway connection point. */
    @Override
    public String endpointUri() {
        return "infor-ion:post-bod";
    }

    @Override
    public Object message(Outgoing outgoing) {
        return ((BodChunk) outgoing).bod();
    }

    @Override
    public Sent sent(Outgoing outgoing, Object reply) {
        PostResult result = (PostResult) reply;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("documentName", result.documentName());
        detail.put("bodId", result.bodId());
        detail.put("httpStatus", result.httpStatus());
        detail.put("bytes", result.payloadBytes());
        return new Sent(result.bodId(), detail);
    }

    @Override
    public boolean refuses(InforIonException e) {
        return REFUSED.contains(e.type());
    }

    @Override
    public ChunkState stateWhenSent() {
        return ChunkState.ACCEPTED;
    }

    @Override
    public String documentNumber(PostingChunk chunk) {
        return chunk.id();
    }

    @Override
    public String target() {
        return "Infor ION";
    }
}
