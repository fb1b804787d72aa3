package io.mlconnector.concur.camel;

import org.apache.camel.spi.Metadata;

/** The headers the concur: component reads and sets. */
public final class ConcurHeaders {
    /** In/out: the FIS docType (expense, invoice, cashadvance and so on); overrides the docType option. */
    @Metadata(label = "producer", javaType = "String")
    public static final String FIS_DOC_TYPE = "CamelConcurFisDocType";
    /** In: the business id for fis-document (report/request/cash-advance id = event facts.documentId). */
    @Metadata(label = "producer", javaType = "String")
    public static final String DOC_ID = "CamelConcurDocId";
    /** In: the FIS document id for acknowledge; out: the id of the document read by fis-document. */
    @Metadata(label = "producer", javaType = "String")
    public static final String FIS_DOCUMENT_ID = "CamelConcurFisDocumentId";
    /** Out: the outcome of a single-item acknowledge/confirm call. */
    @Metadata(label = "producer", javaType = "io.mlconnector.concur.api.FisOutcome")
    public static final String FIS_OUTCOME = "CamelConcurFisOutcome";
    /** Out: true when fis-document found the document. */
    @Metadata(label = "producer", javaType = "Boolean")
    public static final String FIS_DOCUMENT_FOUND = "CamelConcurFisDocumentFound";
    /** Out: true when the next FIS page exists (fis-documents). */
    @Metadata(label = "producer", javaType = "Boolean")
    public static final String FIS_HAS_NEXT_PAGE = "CamelConcurFisHasNextPage";
    /** In: the FIS page number (fis-documents); overrides the page option. */
    @Metadata(label = "producer", javaType = "Integer")
    public static final String FIS_PAGE = "CamelConcurFisPage";
    /** In/out: the concur-correlationid to send (consumer: the delivery's, else the envelope's). */
    @Metadata(javaType = "String")
    public static final String CORRELATION_ID = "CamelConcurCorrelationId";
    /** Out: the ESS event id, the de-duplication key. */
    @Metadata(label = "consumer", javaType = "String")
    public static final String EVENT_ID = "CamelConcurEventId";
    /** Out: the event topic as sent. */
    @Metadata(label = "consumer", javaType = "String")
    public static final String EVENT_TOPIC = "CamelConcurEventTopic";
    /** Out: the event type, e.g. expense.readyForIntegration. */
    @Metadata(label = "consumer", javaType = "String")
    public static final String EVENT_TYPE = "CamelConcurEventType";
    /** Out: the event timestamp. */
    @Metadata(label = "consumer", javaType = "java.time.Instant")
    public static final String EVENT_TIMESTAMP = "CamelConcurEventTimestamp";
    /** In/out: facts.href (expense-report reads it). */
    @Metadata(javaType = "String")
    public static final String HREF = "CamelConcurHref";
    /** Out: facts.companyId. */
    @Metadata(label = "consumer", javaType = "String")
    public static final String COMPANY_ID = "CamelConcurCompanyId";
    /** In: the payment request id for payment-request. */
    @Metadata(label = "producer", javaType = "String")
    public static final String PAYMENT_REQUEST_ID = "CamelConcurPaymentRequestId";
    /** In: the subscription id for subscription / delete-subscription. */
    @Metadata(label = "producer", javaType = "String")
    public static final String SUBSCRIPTION_ID = "CamelConcurSubscriptionId";
    /** Out: the geolocation in use (ping). */
    @Metadata(label = "producer", javaType = "String")
    public static final String GEOLOCATION = "CamelConcurGeolocation";

    private ConcurHeaders() {
    }
}
