package io.mlconnector.concur.mule.api;

import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.annotation.param.Parameter;

import java.util.Objects;

/** A message for Concur's audit trail, sent with an error posting confirmation. */
public class AuditMessage {
    /** Your message id, e.g. the error type that stopped the posting. */
    @Parameter
    private String messageId;

    /** The message (at most 1300 characters). */
    @Parameter
    private String shortText;

    /** The line it concerns; default none. */
    @Parameter
    @Optional
    private String transactionLineItemId;

    public AuditMessage() {
    }

    public AuditMessage(String messageId, String shortText, String transactionLineItemId) {
        this.messageId = messageId;
        this.shortText = shortText;
        this.transactionLineItemId = transactionLineItemId;
    }

    public String getMessageId() { return messageId; }
    public String getShortText() { return shortText; }
    public String getTransactionLineItemId() { return transactionLineItemId; }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditMessage m && Objects.equals(messageId, m.messageId)
                && Objects.equals(shortText, m.shortText)
                && Objects.equals(transactionLineItemId, m.transactionLineItemId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, shortText, transactionLineItemId);
    }
}
