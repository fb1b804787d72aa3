package io.mlconnector.infor.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic IMS message ids. ION keeps a source message id but crops it to 128 characters before appending
 * {@code :-ION-:<uuid>} (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/lsm1436532222584.html), so a longer
 * id is shortened with a hash of the whole.
 */
public final class MessageIds {
    public static final int MAX_LENGTH = 128;
    private static final int HASH_CHARS = 16;

    private MessageIds() {
    }

    public static String of(String documentName, String accountingEntity, String documentId, long variationId) {
        String id = "mlc:" + documentName + ":" + nullToEmpty(accountingEntity) + ":" + nullToEmpty(documentId)
                + ":" + variationId;
        return fit(id);
    }

    /** The id itself when short enough; otherwise a prefix plus a hash of the whole id (still deterministic). */
    public static String fit(String id) {
        if (id.length() <= MAX_LENGTH) {
            return id;
        }
        String hash = sha256Hex(id).substring(0, HASH_CHARS);
        return id.substring(0, MAX_LENGTH - HASH_CHARS - 1) + "~" + hash;
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
