package io.mlconnector.concur.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.concur.api.PaymentConfirmation;
import io.mlconnector.concur.api.PostingConfirmation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Request bodies in the documented shapes
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html, samples
 * fis-*-request.json).
 */
public final class FisRequests {
    /** One of the two clearingDate formats FIS accepts. */
    static final DateTimeFormatter CLEARING_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private FisRequests() {
    }

    public static ObjectNode acknowledgements(List<String> ids, String systemId) {
        ObjectNode body = ConcurJson.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("ids");
        ids.forEach(array::add);
        body.put("systemId", systemId);
        return body;
    }

    public static ObjectNode postingConfirmations(List<PostingConfirmation> confirmations, String systemId) {
        ObjectNode body = ConcurJson.MAPPER.createObjectNode();
        body.put("systemId", systemId);
        ArrayNode array = body.putArray("postingConfirmations");
        for (PostingConfirmation c : confirmations) {
            ObjectNode item = array.addObject();
            item.put("docId", c.docId());
            item.put("overallPostingStatusCode", c.overallPostingStatusCode());
            ArrayNode docs = item.putArray("postingDocs");
            for (PostingConfirmation.PostingDoc d : c.postingDocs()) {
                ObjectNode doc = docs.addObject();
                doc.put("companyId", d.companyId());
                doc.put("documentNumber", d.documentNumber());
                doc.put("fiscalYear", d.fiscalYear());
                doc.putArray("paymentRelevantLineItems");
                doc.put("postingDate", d.postingDate() == null ? null : d.postingDate().toString());
            }
            // always sent, possibly empty: the reference marks it required
            // (https://github.com/SAP-docs/preview.developer.concur.com/issues/931)
            ArrayNode messages = item.putArray("systemMessages");
            for (PostingConfirmation.SystemMessage m : c.systemMessages()) {
                ObjectNode msg = messages.addObject();
                msg.put("concurTransactionLineItemId", nullToEmpty(m.concurTransactionLineItemId()));
                msg.put("messageId", m.messageId());
                msg.put("messageLanguage", m.messageLanguage() == null ? "EN" : m.messageLanguage());
                msg.put("messageLongText", nullToEmpty(m.messageLongText()));
                msg.put("messageShortText", shortText(m.messageShortText()));
            }
        }
        return body;
    }

    public static ObjectNode paymentConfirmations(List<PaymentConfirmation> confirmations, String systemId) {
        ObjectNode body = ConcurJson.MAPPER.createObjectNode();
        body.put("systemId", systemId);
        ArrayNode array = body.putArray("processingConfirmation");
        for (PaymentConfirmation c : confirmations) {
            ObjectNode item = array.addObject();
            item.put("docId", c.docId());
            item.put("processingStatusCode", c.processingStatusCode());
            if (c.additionalMessage() != null) {
                item.put("additionalMessage", c.additionalMessage());
            }
            ArrayNode details = item.putArray("clearingDetails");
            for (PaymentConfirmation.ClearingDetail d : c.clearingDetails()) {
                ObjectNode detail = details.addObject();
                detail.put("clearingDate", d.clearingDate() == null ? null : CLEARING_DATE.format(d.clearingDate()));
                detail.put("clearingAmount", d.clearingAmount());
                detail.put("clearingCurrency", d.clearingCurrency());
                ObjectNode receiver = detail.putObject("receiver");
                if (d.receiver() != null) {
                    receiver.put("receiverId", d.receiver().receiverId());
                    receiver.put("receiverName", d.receiver().receiverName());
                    receiver.put("receiverType", d.receiver().receiverType());
                }
                ObjectNode ref = detail.putObject("clearingReference");
                if (d.clearingReference() != null) {
                    ref.put("companyCode", d.clearingReference().companyCode());
                    ref.put("financialDocumentId", d.clearingReference().financialDocumentId());
                    ref.put("fiscalYear", d.clearingReference().fiscalYear());
                    ref.put("paymentRef", d.clearingReference().paymentRef());
                    ref.put("paymentMethod", d.clearingReference().paymentMethod());
                }
            }
        }
        return body;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** messageShortText is at most 1300 characters. */
    private static String shortText(String s) {
        String t = nullToEmpty(s);
        return t.length() <= 1300 ? t : t.substring(0, 1299) + "…";
    }
}
