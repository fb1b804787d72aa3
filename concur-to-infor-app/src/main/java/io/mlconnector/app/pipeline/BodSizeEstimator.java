package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.ChunkSizeEstimator;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.infor.api.BodOperations;
import io.mlconnector.infor.api.BodVerb;
import io.mlconnector.infor.api.JournalEntry;
import io.mlconnector.infor.api.JournalEntryLine;

import java.math.BigDecimal;

/** The chunk planner's size limit, measured on the BOD the chunk will actually be sent as. */
final class BodSizeEstimator implements ChunkSizeEstimator {
    private static final BigDecimal MINIMAL = new BigDecimal("0.01");

    private final BodOperations bods;

    BodSizeEstimator(BodOperations bods) {
        this.bods = bods;
    }

    @Override
    public long estimateBytes(PostingChunk chunk) {
        return switch (chunk.kind()) {
            case GL -> bods.serializedSize(chunk.lines().isEmpty() ? envelope(chunk) : InforDocuments.journalEntry(chunk),
                    BodVerb.SYNC);
            case AP -> bods.serializedSize(InforDocuments.supplierInvoice(chunk));
            case REVERSAL -> throw chunk.kind().notAChunkKind();
        };
    }

    /**
     * The planner asks for the size of an empty chunk (the envelope). A journal entry needs lines, so this measures
     * one with a minimal debit and credit: a little more than the envelope, which only makes the planner cautious; every
     * finished chunk is measured whole anyway.
     */
    private static JournalEntry envelope(PostingChunk chunk) {
        return JournalEntry.builder().accountingEntity(chunk.accountingEntity()).documentId(chunk.id()).variationId(1)
                .currency(chunk.currency()).postingDate(chunk.postingDate()).description(chunk.description())
                .line(JournalEntryLine.debit("0", null, MINIMAL, null))
                .line(JournalEntryLine.credit("0", null, MINIMAL, null))
                .build();
    }
}
