package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.ChunkSizeEstimator;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.infor.api.BodOperations;
import io.mlconnector.infor.api.BodVerb;

/** The chunk planner's size limit, measured on the BOD the chunk will actually be sent as. */
final class BodSizeEstimator implements ChunkSizeEstimator {
    private final BodOperations bods;

    BodSizeEstimator(BodOperations bods) {
        this.bods = bods;
    }

    @Override
    public long estimateBytes(PostingChunk chunk) {
        return switch (chunk.kind()) {
            case GL -> bods.serializedSize(InforDocuments.journalEntry(chunk), BodVerb.SYNC);
            case AP -> bods.serializedSize(InforDocuments.supplierInvoice(chunk));
        };
    }
}
