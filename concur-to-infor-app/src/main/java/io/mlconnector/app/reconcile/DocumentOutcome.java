package io.mlconnector.app.reconcile;

/** Where one document of the period ended, before its differences are looked at. */
public enum DocumentOutcome {
    /** Posted, and Concur holds the success posting confirmation (FIS). */
    CONFIRMED("posted and confirmed"),
    /** Posted on a path without posting confirmation (Expense v4, Invoice v3). */
    POSTED("posted (no confirmation on this path)"),
    /** Posted, Concur not yet told. */
    POSTED_UNCONFIRMED("posted, not confirmed"),
    /** Concur was sent an error posting confirmation. */
    ERROR_CONFIRMED("error-confirmed"),
    /** Recalled in Concur before it was acknowledged: nothing to post. */
    RECALLED("recalled in Concur"),
    /** Nothing of it is posted. */
    NOT_POSTED("not posted");

    private final String label;

    DocumentOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
