package io.mlconnector.app.reconcile;

/** What can be wrong with one document of a period, in the words a finance team uses at month-end. */
public enum DifferenceKind {
    /** Concur made it ready and the app received it, but no chunk of it is posted in Infor. */
    SEEN_NOT_POSTED("seen but not posted"),
    /** Posted in Infor, but Concur has no success posting confirmation for it yet. */
    POSTED_NOT_CONFIRMED("posted but not confirmed"),
    /** Concur was told the document failed (FIS {@code error} posting confirmation). */
    ERROR_CONFIRMED("error-confirmed"),
    /** The posted chunks do not add up to the document's journal. */
    AMOUNT_MISMATCH("amount mismatch"),
    /** Some chunks of the document are posted, at least one of its planned chunks is not. */
    MISSING_CHUNK("missing chunk"),
    /** The same part of the document (or the same Concur report) is posted more than once. */
    POSTED_TWICE("posted twice");

    private final String label;

    DifferenceKind(String label) {
        this.label = label;
    }

    /** The label shown on the console and in the CSV. */
    public String label() {
        return label;
    }
}
