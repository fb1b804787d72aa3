package io.mlconnector.app.posting;

/**
 * Estimates the serialized size in bytes of a chunk as it will be sent (a BOD, or a REST payload). The Infor
 * connector supplies the real one; {@link #rough()} is a stand-in for tests and tools.
 */
@FunctionalInterface
public interface ChunkSizeEstimator {

    long estimateBytes(PostingChunk chunk);

    /**
     * A rough SourceSystemJournalEntry-sized estimate: a 4 KiB envelope plus, per line, 900 bytes of markup and the
     * UTF-16 length of its texts (an upper bound for their UTF-8 size on Latin text).
     */
    static ChunkSizeEstimator rough() {
        return chunk -> {
            long size = 4096 + 2L * (length(chunk.description()) + length(chunk.id()));
            for (GlLine line : chunk.lines()) {
                size += 900 + 2L * (length(line.description()) + length(line.glAccount()) + length(line.costCenter())
                        + length(line.sourceEntryId()) + line.amount().toPlainString().length());
            }
            size += chunk.payable().map(p -> 1500L + 600L * (p.lines().size() + p.distribution().size())).orElse(0L);
            return size;
        };
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
