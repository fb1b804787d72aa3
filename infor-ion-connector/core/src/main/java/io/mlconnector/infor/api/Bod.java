package io.mlconnector.infor.api;

import io.mlconnector.infor.internal.MessageIds;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A serialized BOD ready to post through IMS, with the IMS parameters that travel beside it.
 *
 * @param documentName     {@code <Verb>.<Noun>}, e.g. {@code Sync.SourceSystemJournalEntry}
 * @param bodId            the BODID written in the ApplicationArea
 * @param documentId       the document id (IMS {@code documentId})
 * @param accountingEntity IMS {@code accountingEntity}
 * @param variationId      IMS {@code variationId}
 * @param payload          the UTF-8 XML
 */
public record Bod(String documentName, String bodId, String documentId, String accountingEntity, long variationId,
                  byte[] payload) {

    public Bod {
        Objects.requireNonNull(documentName, "documentName");
        Objects.requireNonNull(payload, "payload");
    }

    /** A raw payload (built elsewhere) to post as-is. */
    public static Bod raw(String documentName, String documentId, String accountingEntity, long variationId,
                          byte[] payload) {
        return new Bod(documentName, null, documentId, accountingEntity, variationId, payload);
    }

    /**
     * The deterministic IMS messageId: the same document and variation always give the same id, at most 128 characters
     * so ION's cropping keeps it whole
     * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/lsm1436532222584.html).
     */
    public String messageId() {
        return MessageIds.of(documentName, accountingEntity, documentId, variationId);
    }

    /** Payload size in bytes, as compared with the configured maximum. */
    public int size() {
        return payload.length;
    }

    public String payloadString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bod b && documentName.equals(b.documentName) && Objects.equals(bodId, b.bodId)
                && Objects.equals(documentId, b.documentId) && Objects.equals(accountingEntity, b.accountingEntity)
                && variationId == b.variationId && Arrays.equals(payload, b.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(documentName, bodId, documentId, accountingEntity, variationId, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Bod[" + documentName + ", bodId=" + bodId + ", documentId=" + documentId + ", accountingEntity="
                + accountingEntity + ", variationId=" + variationId + ", " + payload.length + " bytes]";
    }
}
