package io.mlconnector.concur.camel;

/** The headers the {@code concur:} component reads and sets. */
public final class ConcurHeaders {
    /** In/out: the FIS docType ({@code expense}, {@code invoice}, …); overrides the {@code docType} option. */
    public static final String FIS_DOC_TYPE = "CamelConcurFisDocType";
    /** In: the business id for {@code fis-document} (report/request/cash-advance id = event facts.documentId). */
    public static final String DOC_ID = "CamelConcurDocId";
    /** In: the FIS document id for {@code acknowledge}; out: the id of the document read by {@code fis-document}. */
    public static final String FIS_DOCUMENT_ID = "CamelConcurFisDocumentId";
    /** Out: {@link io.mlconnector.concur.api.FisOutcome} of a single-item acknowledge/confirm call. */
    public static final String FIS_OUTCOME = "CamelConcurFisOutcome";
    /** Out: true when {@code fis-document} found the document. */
    public static final String FIS_DOCUMENT_FOUND = "CamelConcurFisDocumentFound";
    /** Out: true when the next FIS page exists ({@code fis-documents}). */
    public static final String FIS_HAS_NEXT_PAGE = "CamelConcurFisHasNextPage";
    /** In: the FIS page number ({@code fis-documents}); overrides the {@code page} option. */
    public static final String FIS_PAGE = "CamelConcurFisPage";
    /** In/out: the {@code concur-correlationid} to send (consumer: the delivery's, else the envelope's). */
    public static final String CORRELATION_ID = "CamelConcurCorrelationId";
    /** Out (consumer): the ESS event id, the de-duplication key. */
    public static final String EVENT_ID = "CamelConcurEventId";
    /** Out (consumer): the event topic as sent. */
    public static final String EVENT_TOPIC = "CamelConcurEventTopic";
    /** Out (consumer): the event type, e.g. {@code expense.readyForIntegration}. */
    public static final String EVENT_TYPE = "CamelConcurEventType";
    /** Out (consumer): the event timestamp ({@link java.time.Instant}). */
    public static final String EVENT_TIMESTAMP = "CamelConcurEventTimestamp";
    /** In/out: {@code facts.href} ({@code expense-report} reads it). */
    public static final String HREF = "CamelConcurHref";
    /** Out (consumer): {@code facts.companyId}. */
    public static final String COMPANY_ID = "CamelConcurCompanyId";
    /** In: the payment request id for {@code payment-request}. */
    public static final String PAYMENT_REQUEST_ID = "CamelConcurPaymentRequestId";
    /** In: the subscription id for {@code subscription} / {@code delete-subscription}. */
    public static final String SUBSCRIPTION_ID = "CamelConcurSubscriptionId";
    /** Out: the geolocation in use ({@code ping}). */
    public static final String GEOLOCATION = "CamelConcurGeolocation";

    private ConcurHeaders() {
    }
}
