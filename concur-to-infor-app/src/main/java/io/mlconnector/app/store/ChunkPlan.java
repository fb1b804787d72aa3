package io.mlconnector.app.store;

import io.mlconnector.app.posting.PostingKind;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A chunk about to be posted.
 *
 * @param fisDocumentId the FIS document id
 * @param chunkNo       1-based chunk number
 * @param chunkCount    how many chunks the document has (per kind)
 * @param kind          GL, AP or REVERSAL
 * @param reversalOf    for a REVERSAL: the messageId of the accepted chunk it backs out; null otherwise
 * @param messageId     the deterministic ION messageId (derived from the FIS document id and chunk number)
 * @param bodId         the BODID
 * @param payloadHash   hash of the payload, to notice a changed re-build of the same chunk
 * @param amount        the chunk's total (debits) in {@code currency}
 * @param currency      ISO 4217 code of the document's currency
 */
public record ChunkPlan(String fisDocumentId, int chunkNo, int chunkCount, PostingKind kind, String reversalOf,
                        String messageId, String bodId, String payloadHash, BigDecimal amount, String currency) {
    public ChunkPlan {
        Objects.requireNonNull(fisDocumentId, "fisDocumentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(bodId, "bodId");
        Objects.requireNonNull(payloadHash, "payloadHash");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (kind.backsOut() != (reversalOf != null)) {
            throw new IllegalArgumentException("a REVERSAL chunk names the chunk it reverses, no other chunk does");
        }
        if (chunkNo < 1 || chunkNo > chunkCount) {
            throw new IllegalArgumentException("chunk " + chunkNo + " of " + chunkCount + " is out of range");
        }
    }

    /** A GL or AP chunk. */
    public static ChunkPlan posting(String fisDocumentId, int chunkNo, int chunkCount, PostingKind kind, String messageId,
                                    String bodId, String payloadHash, BigDecimal amount, String currency) {
        return new ChunkPlan(fisDocumentId, chunkNo, chunkCount, kind, null, messageId, bodId, payloadHash, amount,
                currency);
    }

    /** The reversal of {@code original}: same document, chunk number and amount, its own messageId and BODID. */
    public static ChunkPlan reversal(ChunkPlan original, String messageId, String bodId, String payloadHash) {
        return new ChunkPlan(original.fisDocumentId(), original.chunkNo(), original.chunkCount(), PostingKind.REVERSAL,
                original.messageId(), messageId, bodId, payloadHash, original.amount(), original.currency());
    }
}
