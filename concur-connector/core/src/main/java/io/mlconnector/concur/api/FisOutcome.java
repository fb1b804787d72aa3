package io.mlconnector.concur.api;

/**
 * The per-item FIS service codes as typed outcomes
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html). The HTTP status is
 * 200 even when items fail.
 */
public enum FisOutcome {
    SUCCESS(0),
    SYSTEM_ID_MISMATCH(99),
    ALREADY_ACKNOWLEDGED(101),
    RECALLED(102),
    NOT_READY(103),
    NOT_FOUND(104),
    WRONG_DOCUMENT_TYPE(105),
    NOT_ACKNOWLEDGED(111),
    POSTING_RECALLED(112),
    ALREADY_CONFIRMED(113),
    UNKNOWN_STATE(114),
    POSTING_WRONG_TYPE(115),
    POSTING_NOT_FOUND(116),
    INVALID_REQUEST(198),
    RETRY_LATER(199),
    PAYMENT_ALREADY_CONFIRMED(213),
    INVALID_PAYMENT_REQUEST(298),
    /** A code the FIS reference does not list; see the item's error message. */
    UNKNOWN(-1);

    private final int code;

    FisOutcome(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FisOutcome of(int code) {
        for (FisOutcome o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        return UNKNOWN;
    }

    /** Success, or the same request was already done earlier (a retry or a duplicate): safe to move on. */
    public boolean isDone() {
        return this == SUCCESS || this == ALREADY_ACKNOWLEDGED || this == ALREADY_CONFIRMED
                || this == PAYMENT_ALREADY_CONFIRMED;
    }

    /** The document was recalled: do not post it. */
    public boolean isRecalled() {
        return this == RECALLED || this == POSTING_RECALLED;
    }

    /** Concur says "please try again later" (199). */
    public boolean isRetryable() {
        return this == RETRY_LATER;
    }
}
