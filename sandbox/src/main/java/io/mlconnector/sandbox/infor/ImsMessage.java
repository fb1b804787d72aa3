package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.Charset;
import java.time.Instant;

/**
 * One message ION accepted through {@code v3/multipartMessage} (answered 202), as the sandbox recorded it.
 *
 * @param messageId        the messageId exactly as the sender supplied it
 * @param ionMessageId     the id ION keeps: the sender's id cropped to 128 characters + {@code :-ION-:} + 32 hex
 *                         (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/lsm1436532222584.html)
 * @param documentName     {@code <Verb>.<Noun>}
 * @param toLogicalId      as sent; {@code lid://default} when absent
 * @param documentId       null when absent
 * @param accountingEntity null when absent
 * @param variationId      null when absent
 * @param encoding         NONE or BASE64, as sent (NONE when absent)
 * @param characterSet     as sent (UTF-8 when absent)
 * @param parameters       the whole ParameterRequest JSON
 * @param payload          the BOD bytes as ION stores them (BASE64 already decoded)
 * @param receivedAt       when the sandbox accepted it
 */
public record ImsMessage(String messageId, String ionMessageId, String documentName, String fromLogicalId,
                         String toLogicalId, String documentId, String accountingEntity, Long variationId,
                         String encoding, String characterSet, JsonNode parameters, byte[] payload,
                         Instant receivedAt) {

    /** The payload decoded with the message's characterSet. */
    public String payloadString() {
        return new String(payload, Charset.forName(characterSet));
    }

    /** The noun of the documentName ({@code SourceSystemJournalEntry} for {@code Sync.SourceSystemJournalEntry}). */
    public String noun() {
        return documentName.substring(documentName.indexOf('.') + 1);
    }

    /** The verb of the documentName. */
    public String verb() {
        return documentName.substring(0, documentName.indexOf('.'));
    }

    @Override
    public String toString() {
        return "ImsMessage[messageId=" + messageId + ", documentName=" + documentName + ", documentId=" + documentId
                + ", payloadBytes=" + payload.length + "]";
    }
}
