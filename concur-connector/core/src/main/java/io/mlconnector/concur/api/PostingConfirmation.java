package io.mlconnector.concur.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a posting confirmation
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html). Use
 * {@link #success} (non-empty postingDocs: an empty one fails,
 * https://github.com/SAP-docs/preview.developer.concur.com/issues/931) or {@link #error} (non-empty systemMessages:
 * they reach the Concur audit trail).
 */
public record PostingConfirmation(String docId, String overallPostingStatusCode, List<PostingDoc> postingDocs,
                                  List<SystemMessage> systemMessages) {

    public PostingConfirmation {
        requireDocId(docId);
        postingDocs = List.copyOf(postingDocs);
        systemMessages = List.copyOf(systemMessages);
    }

    /** The document was posted; at least one ERP document is required. */
    public static PostingConfirmation success(String docId, List<PostingDoc> postingDocs) {
        if (postingDocs == null || postingDocs.isEmpty()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE,
                    "a success posting confirmation needs at least one posting document (docId " + docId + ")");
        }
        return new PostingConfirmation(docId, "success", postingDocs, List.of());
    }

    /** Posting failed and everything of the document was backed out; at least one message is required. */
    public static PostingConfirmation error(String docId, List<SystemMessage> systemMessages) {
        if (systemMessages == null || systemMessages.isEmpty()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE,
                    "an error posting confirmation needs at least one system message (docId " + docId + ")");
        }
        return new PostingConfirmation(docId, "error", List.of(), systemMessages);
    }

    static void requireDocId(String docId) {
        if (docId == null || docId.isBlank() || docId.length() > 32) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE,
                    "docId must be the FIS document id (1..32 characters): " + docId);
        }
    }

    /**
     * An ERP document that holds (part of) the posting.
     *
     * @param companyId      the ERP org unit (max 32), e.g. the accounting entity
     * @param documentNumber the ERP document number (max 80)
     * @param fiscalYear     e.g. {@code 2018}
     * @param postingDate    the ERP posting date
     */
    public record PostingDoc(String companyId, String documentNumber, String fiscalYear, LocalDate postingDate) {
        public PostingDoc {
            Objects.requireNonNull(companyId, "companyId");
        }
    }

    /**
     * A message for the Concur audit trail.
     *
     * @param concurTransactionLineItemId the line it concerns, or ""
     * @param messageId                   your message id
     * @param messageLanguage             e.g. {@code EN}
     * @param messageShortText            max 1300 characters
     * @param messageLongText             may be ""
     */
    public record SystemMessage(String concurTransactionLineItemId, String messageId, String messageLanguage,
                                String messageShortText, String messageLongText) {

        /** An English message with only a short text. */
        public static SystemMessage of(String messageId, String shortText) {
            return new SystemMessage("", messageId, "EN", shortText, "");
        }
    }
}
