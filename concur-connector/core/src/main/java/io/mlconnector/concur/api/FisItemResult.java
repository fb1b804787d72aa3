package io.mlconnector.concur.api;

/**
 * One item of an acknowledgement, posting-confirmation or payment-confirmation answer.
 *
 * @param docId         the FIS document id
 * @param code          Concur's service code
 * @param outcome       the code as a typed outcome
 * @param result        {@code acknowledgeResult} / {@code postingConfirmationResult} / {@code paymentConfirmationResult}
 * @param systemId      the system id Concur reports
 * @param errorMessage  Concur's error text, if any
 * @param detailMessage Concur's detail text, if any
 * @param paymentRef    payment confirmations only
 */
public record FisItemResult(String docId, int code, FisOutcome outcome, String result, String systemId,
                            String errorMessage, String detailMessage, String paymentRef) {

    public boolean isSuccess() {
        return outcome == FisOutcome.SUCCESS;
    }

    /** See {@link FisOutcome#isDone()}. */
    public boolean isDone() {
        return outcome.isDone();
    }
}
