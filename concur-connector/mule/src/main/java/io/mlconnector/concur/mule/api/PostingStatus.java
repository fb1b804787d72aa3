package io.mlconnector.concur.mule.api;

/** The {@code overallPostingStatusCode} of a posting confirmation. */
public enum PostingStatus {
    /** The document was posted: give the ERP documents that hold it. */
    SUCCESS,
    /** Posting failed and everything of the document was backed out: give the messages for Concur's audit trail. */
    ERROR
}
