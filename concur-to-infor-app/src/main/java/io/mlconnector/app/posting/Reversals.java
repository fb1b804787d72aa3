package io.mlconnector.app.posting;

import java.util.Optional;

/**
 * Reversing entries. When a later chunk of a document fails permanently, every accepted chunk is backed out before
 * Concur gets the {@code error} confirmation: FIS requires backing out all entries of a failed document
 * (https://developer.concur.com/api-guides/ERP-integration/posting-via-financial-integration-service.html, "back out
 * all the transactions").
 */
public final class Reversals {
    private Reversals() {
    }

    /**
     * The chunk that cancels {@code chunk}: every GL line on the other side (debits ↔ credits, same accounts, cost
     * centers and amounts), or, for an AP chunk, the payable with negated amounts (a credit note). Its id is the
     * original id + {@code -rev}, so a retried reversal re-sends the same message.
     *
     * @throws IllegalArgumentException when {@code chunk} is itself a reversal
     */
    public static PostingChunk of(PostingChunk chunk) {
        if (chunk.isReversal()) {
            throw new IllegalArgumentException("a reversing chunk is never reversed: " + chunk.id());
        }
        return new PostingChunk(ChunkIds.reversalOf(chunk.id()), chunk.kind(), chunk.number(), chunk.count(),
                chunk.fisDocumentId(), chunk.docType(), chunk.businessId(), chunk.accountingEntity(),
                chunk.currency(), chunk.postingDate(), "Reversal of " + chunk.id(),
                chunk.lines().stream().map(GlLine::reversed).toList(), chunk.payable().map(Payable::negated),
                Optional.of(chunk.id()));
    }
}
