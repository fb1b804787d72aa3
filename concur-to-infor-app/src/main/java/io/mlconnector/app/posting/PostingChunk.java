package io.mlconnector.app.posting;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message's worth of a document: a balanced part of the GL journal ({@link PostingKind#GL}), or the AP invoice
 * ({@link PostingKind#AP}). A GL chunk fails construction with {@link UnbalancedEntryException} when it does not
 * balance.
 *
 * @param id               deterministic id, usable as ION messageId and BODID document id ({@link ChunkIds})
 * @param kind             GL or AP (a reversing chunk keeps the kind of the chunk it backs out)
 * @param number           1-based number among the document's chunks of this kind
 * @param count            how many chunks of this kind the document has
 * @param fisDocumentId    FIS document id
 * @param docType          expense, invoice or cashadvance
 * @param businessId       report id, request id or cash advance id
 * @param accountingEntity Infor accounting entity
 * @param currency         currency of every amount
 * @param postingDate      accounting date
 * @param description      header text
 * @param lines            GL lines (empty for AP)
 * @param payable          the AP invoice (AP chunks only)
 * @param reversalOf       for a reversing chunk, the id of the chunk it backs out
 */
public record PostingChunk(String id, PostingKind kind, int number, int count, String fisDocumentId, String docType,
                           String businessId, String accountingEntity, String currency, LocalDate postingDate,
                           String description, List<GlLine> lines, Optional<Payable> payable,
                           Optional<String> reversalOf) {

    public PostingChunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        lines = List.copyOf(lines);
        payable = Objects.requireNonNullElse(payable, Optional.empty());
        reversalOf = Objects.requireNonNullElse(reversalOf, Optional.empty());
        if (id.length() > ChunkIds.MAX_LENGTH) {
            throw new IllegalArgumentException("chunk id longer than " + ChunkIds.MAX_LENGTH + ": " + id);
        }
        boolean invoice = switch (kind) {
            case GL -> false;
            case AP -> true;
            case REVERSAL -> throw kind.notAChunkKind();
        };
        if (!invoice) {
            Balances.requireBalanced(lines, "chunk " + id);
        } else if (payable.isEmpty() || !lines.isEmpty()) {
            throw new IllegalArgumentException("an AP chunk carries a payable and no GL lines: " + id);
        }
    }

    public boolean isReversal() {
        return reversalOf.isPresent();
    }

    /** The same header with other lines: what the planner uses to size candidate chunks. */
    PostingChunk withLines(List<GlLine> newLines) {
        return new PostingChunk(id, kind, number, count, fisDocumentId, docType, businessId, accountingEntity,
                currency, postingDate, description, newLines, payable, reversalOf);
    }
}
