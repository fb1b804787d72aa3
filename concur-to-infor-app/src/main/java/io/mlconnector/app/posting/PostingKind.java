package io.mlconnector.app.posting;

/**
 * What a chunk posts and what its ledger row records: part of the GL journal, the AP invoice for what is owed, or the
 * reversal backing out an accepted chunk. REVERSAL names a ledger row only: a reversing {@link PostingChunk} keeps
 * the kind of the chunk it backs out, because it is sent as the same document (the journal with its sides swapped, or
 * the invoice as a credit note).
 */
public enum PostingKind {
    GL, AP, REVERSAL;

    /** The short name used inside chunk ids ({@link ChunkIds}); a reversal's id is the original's plus a suffix. */
    public String idPart() {
        return switch (this) {
            case GL -> "gl";
            case AP -> "ap";
            case REVERSAL -> throw notAChunkKind();
        };
    }

    /** True for the row that backs out an accepted chunk: it never counts as posted and is never itself reversed. */
    public boolean backsOut() {
        return switch (this) {
            case GL, AP -> false;
            case REVERSAL -> true;
        };
    }

    /** What a switch over a chunk's kind throws for REVERSAL, which {@link PostingChunk} never carries. */
    public IllegalArgumentException notAChunkKind() {
        return new IllegalArgumentException(this + " is a ledger row, not what a chunk posts");
    }
}
