package io.mlconnector.app.pipeline;

import java.util.Locale;

/**
 * Why a document is not posted. Each reason's {@link #code()} is stable text: it names the exception record a finance
 * user works through, the {@code reason} of the audit trail's REJECTED step and of the
 * {@code mlconnector.documents.failed} metric, and (upper-cased) the system message id of the error confirmation
 * Concur shows on the report.
 */
enum RejectionReason {
    /** The FIS document's expense types, payment types or fields do not map (the customer's mapping). */
    UNMAPPED("unmapped"),
    /** Infor does not know a mapped GL account or cost center. */
    UNKNOWN_ACCOUNT("unknown-account"),
    /** The document cannot be split into balanced chunks of a size Infor accepts. */
    OVERSIZE("oversize"),
    /** ION or M3 refused a chunk. */
    CHUNK_REFUSED("chunk-refused"),
    /** ION took a chunk, and the ERP behind it refused it. */
    ERP_REJECTED("erp-rejected"),
    /** An earlier attempt decided on an error confirmation that Concur has not received yet: it is sent now. */
    REJECTED_EARLIER("rejected"),
    /** A report or payment request read without FIS changed after part of it was posted. */
    CHANGED_AFTER_POSTING("changed-after-posting"),
    /** A readyForIntegration event that names no FIS docType. */
    NOT_A_FIS_EVENT("not-a-fis-event"),
    /** An expense report statusChanged event without {@code facts.href}. */
    NO_HREF("no-href"),
    /** The Expense v4 report or its expenses cannot be read as a document. */
    UNREADABLE_REPORT("unreadable-report"),
    /** A payment request event that names no payment request. */
    NO_PAYMENT_REQUEST_ID("no-payment-request-id"),
    /** The Invoice v3 payment request cannot be read as a document. */
    UNREADABLE_PAYMENT_REQUEST("unreadable-payment-request"),
    /** M3 posting: nothing is owed to anyone, so there is no supplier invoice to post. */
    NO_PAYABLE_FOR_M3("no-payable-for-m3"),
    /** M3 posting: the supplier id is longer than M3's supplier number. */
    M3_SUPPLIER_ID_TOO_LONG("m3-supplier-id-too-long"),
    /** M3 posting: the payable has no cost distribution to post as cost lines. */
    NO_COST_LINES_FOR_M3("no-cost-lines-for-m3");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    /** The stable text, e.g. {@code unknown-account}. */
    String code() {
        return code;
    }

    /** The system message id of the error confirmation, e.g. {@code ML-CONNECTOR-UNKNOWN-ACCOUNT}. */
    String confirmationMessageId() {
        return "ML-CONNECTOR-" + code.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code;
    }
}
