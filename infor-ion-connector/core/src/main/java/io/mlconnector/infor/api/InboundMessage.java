package io.mlconnector.infor.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message ION pushed to the application's IMS endpoint: the IMS parameters and the BOD.
 *
 * @param messageId        ION's messageId (the source part {@code <id>:-ION-:<uuid>} when ION relays another
 *                         application's message); a repeat delivery carries the same id
 * @param documentName     {@code <Verb>.<Noun>}, e.g. {@code Acknowledge.SupplierInvoice}, {@code Confirm.BOD}
 * @param fromLogicalId    the sending logical id
 * @param toLogicalId      the receiving logical id (may be empty)
 * @param documentId       IMS documentId (may be empty)
 * @param tenantId         the {@code X-TenantId} header (may be empty)
 * @param parameters       the ParameterRequest JSON (or, for {@code v3/message/multipart}, the parameters from the
 *                         headers and query, as JSON)
 * @param payload          the BOD, already decoded from its {@code encoding}
 * @param characterSet     the payload's character set
 */
public record InboundMessage(String messageId, String documentName, String fromLogicalId, String toLogicalId,
                             String documentId, String tenantId, String parameters, byte[] payload,
                             String characterSet) {
    public InboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(documentName, "documentName");
        Objects.requireNonNull(payload, "payload");
        characterSet = characterSet == null || characterSet.isBlank() ? "UTF-8" : characterSet;
    }

    /** The BOD as text in its character set. */
    public String payloadText() {
        try {
            return new String(payload, Charset.forName(characterSet));
        } catch (RuntimeException e) {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return "InboundMessage[messageId=" + messageId + ", documentName=" + documentName + ", from=" + fromLogicalId
                + ", bytes=" + payload.length + "]";
    }
}
