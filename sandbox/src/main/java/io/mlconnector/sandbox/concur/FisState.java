package io.mlconnector.sandbox.concur;

/**
 * Where a FIS document is in the ERP guide's status matrix
 * (https://developer.concur.com/api-guides/ERP-integration/posting-via-financial-integration-service.html).
 * {@code PENDING_APPROVAL} is the sandbox's own state for a document added but not yet final-approved: it is not in
 * FIS yet, so no API call sees it.
 */
public enum FisState {
    PENDING_APPROVAL(null),
    READY("READY"),
    ACKNOWLEDGED("ACKNOWLEDGED"),
    POSTED("POSTING_CONFIRMED_SUCCESS"),
    FAILED("POSTING_CONFIRMED_FAILURE"),
    RECALLED("RECALLED");

    private final String docStatus;

    FisState(String docStatus) {
        this.docStatus = docStatus;
    }

    /** The {@code docStatus} value the GET shows (the FIS swagger enum has RECALLED). */
    public String docStatus() {
        return docStatus;
    }
}
