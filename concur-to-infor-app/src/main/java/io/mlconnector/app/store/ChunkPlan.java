package io.mlconnector.app.store;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A chunk about to be posted.
 *
 * @param fisDocumentId the FIS document id
 * @param chunkNo       1-based chunk number
 * @param chunkCount    how many chunks the document has (per kind)
 * @param kind          GL, AP or REVERSAL
 * @param messageId     the deterministic ION messageId (derived from the FIS document id and chunk number)
 * @param bodId         the BODID
 * @param payloadHash   hash of the payload, to notice a changed re-build of the same chunk
 * @param amount        the chunk's total (debits) in {@code currency}
 * @param currency      ISO 4217 code of the document's currency
 */
public record ChunkPlan(String fisDocumentId, int chunkNo, int chunkCount, PostingKind kind, String messageId,
                        String bodId, String payloadHash, BigDecimal amount, String currency) {
    public ChunkPlan {
        Objects.requireNonNull(fisDocumentId, "fisDocumentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(bodId, "bodId");
        Objects.requireNonNull(payloadHash, "payloadHash");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (chunkNo < 1 || chunkNo > chunkCount) {
            throw new IllegalArgumentException("chunk " + chunkNo + " of " + chunkCount + " is out of range");
        }
    }
}
