package io.mlconnector.app.posting;

/**
 * Limits a chunk must stay under.
 *
 * @param maxLines maximum GL lines per chunk
 * @param maxBytes maximum serialized size per chunk, as measured by the {@link ChunkSizeEstimator}. ION's message limit
 *                 is 5 MB on the Essentials tier and stays the recommended maximum on every tier
 *                 (https://docs.infor.com/inforos/12.0.x/en-us/usagelimits-ru/rxt1587782955956.html); leave headroom
 *                 for the multipart envelope.
 */
public record ChunkLimits(int maxLines, long maxBytes) {
    /** 1,000 lines and 4 MiB: under ION's 5 MB with room for the envelope. */
    public static final ChunkLimits DEFAULT = new ChunkLimits(1_000, 4L * 1024 * 1024);

    public ChunkLimits {
        if (maxLines < 2) {
            throw new IllegalArgumentException("a balanced chunk needs at least 2 lines, maxLines=" + maxLines);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }
}
