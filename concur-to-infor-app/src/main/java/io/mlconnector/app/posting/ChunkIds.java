package io.mlconnector.app.posting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic chunk ids: {@code concur-<fisDocId>-<kind>-<n>-of-<m>}, and {@code <id>-rev} for the reversing chunk.
 * The same FIS document, chunk number and kind always give the same id, so a retry after a crash re-sends the same
 * ION messageId / BODID instead of creating a second posting. Ids use only {@code [A-Za-z0-9_.-]}
 * (no {@code :}, {@code ?} or {@code &}, which the BODID convention uses as separators,
 * https://docs.infor.com/ln/10.8/en-us/lnolh/help/tl/lnstudiointegration/tps1504267854022.html) and are at
 * most {@link #MAX_LENGTH} characters including the reversal suffix.
 */
public final class ChunkIds {
    public static final int MAX_LENGTH = 128;
    static final String REVERSAL_SUFFIX = "-rev";
    private static final int MAX_DOC_ID_PART = 64;

    private ChunkIds() {
    }

    public static String of(String fisDocumentId, PostingKind kind, int number, int count) {
        if (number < 1 || number > count) {
            throw new IllegalArgumentException("chunk " + number + " of " + count);
        }
        return "concur-" + docIdPart(fisDocumentId) + "-" + kind.idPart() + "-" + number + "-of-" + count;
    }

    public static String reversalOf(String chunkId) {
        if (chunkId.endsWith(REVERSAL_SUFFIX)) {
            throw new IllegalArgumentException("a reversing chunk is never reversed: " + chunkId);
        }
        return chunkId + REVERSAL_SUFFIX;
    }

    /** FIS ids are 32 hex characters; anything else is made safe and, if long, shortened by hash. */
    static String docIdPart(String fisDocumentId) {
        if (fisDocumentId == null || fisDocumentId.isBlank()) {
            throw new IllegalArgumentException("a chunk id needs the FIS document id");
        }
        String safe = fisDocumentId.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (safe.length() <= MAX_DOC_ID_PART && safe.equals(fisDocumentId)) {
            return safe;
        }
        String hash = sha256Hex(fisDocumentId).substring(0, 16);
        return safe.substring(0, Math.min(safe.length(), MAX_DOC_ID_PART - 17)) + "_" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
