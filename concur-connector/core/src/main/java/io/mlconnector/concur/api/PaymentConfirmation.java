package io.mlconnector.concur.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a payment confirmation (expense only,
 * https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html).
 *
 * @param docId                the FIS document id
 * @param processingStatusCode {@code CP} completely paid, {@code PP} partially paid, {@code RE} reversal, {@code OB} obsolete
 * @param additionalMessage    optional text, null to omit
 * @param clearingDetails      the payments
 */
public record PaymentConfirmation(String docId, String processingStatusCode, String additionalMessage,
                                  List<ClearingDetail> clearingDetails) {

    public PaymentConfirmation {
        PostingConfirmation.requireDocId(docId);
        if (processingStatusCode == null || !List.of("CP", "PP", "RE", "OB").contains(processingStatusCode)) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE,
                    "processingStatusCode must be CP, PP, RE or OB: " + processingStatusCode);
        }
        clearingDetails = List.copyOf(clearingDetails);
    }

    /**
     * @param clearingDate      sent as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} (one of the two accepted formats)
     * @param clearingAmount    exact amount
     * @param clearingCurrency  ISO currency
     * @param receiver          who was paid
     * @param clearingReference the ERP payment reference; {@code paymentRef} must be unique per confirmation
     */
    public record ClearingDetail(Instant clearingDate, BigDecimal clearingAmount, String clearingCurrency,
                                 Receiver receiver, ClearingReference clearingReference) {
    }

    public record Receiver(String receiverId, String receiverName, String receiverType) {
    }

    /** @param paymentMethod {@code E} or {@code C} */
    public record ClearingReference(String companyCode, String financialDocumentId, String fiscalYear,
                                    String paymentRef, String paymentMethod) {
    }
}
