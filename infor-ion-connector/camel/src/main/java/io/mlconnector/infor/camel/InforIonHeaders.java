package io.mlconnector.infor.camel;

import org.apache.camel.spi.Metadata;

/** Headers the infor-ion: component reads or sets. */
public final class InforIonHeaders {
    /** In (post-bod, build-bod): Sync or Process for a JournalEntry body; overrides the verb option. */
    @Metadata(label = "producer", javaType = "String")
    public static final String VERB = "CamelInforIonVerb";
    /** In (validate): the accounting entity when the body is a collection of AccountCode. */
    @Metadata(label = "producer", javaType = "String")
    public static final String ACCOUNTING_ENTITY = "CamelInforIonAccountingEntity";
    /** Out (post-bod): the IMS messageId sent (deterministic per document and variation). */
    @Metadata(label = "producer", javaType = "String")
    public static final String MESSAGE_ID = "CamelInforIonMessageId";
    /** Out (post-bod, build-bod): the BODID. */
    @Metadata(label = "producer", javaType = "String")
    public static final String BOD_ID = "CamelInforIonBodId";
    /** Out (post-bod, build-bod): <Verb>.<Noun>. */
    @Metadata(label = "producer", javaType = "String")
    public static final String DOCUMENT_NAME = "CamelInforIonDocumentName";
    /** Out (post-bod): the 2xx status ION answered. */
    @Metadata(label = "producer", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelInforIonHttpStatus";
    /** Out (build-bod): the payload size in bytes. */
    @Metadata(label = "producer", javaType = "Integer")
    public static final String BOD_SIZE = "CamelInforIonBodSize";
    /** Out (validate): Boolean, true when every code exists. */
    @Metadata(label = "producer", javaType = "Boolean")
    public static final String VALID = "CamelInforIonValid";
    /** Out (ping): Boolean, true when nothing is missing in the ION set-up. */
    @Metadata(label = "producer", javaType = "Boolean")
    public static final String PING_OK = "CamelInforIonPingOk";
    /** Out (m3-add-supplier-invoice): M3's invoice batch number (INBN). */
    @Metadata(label = "producer", javaType = "String")
    public static final String M3_INVOICE_BATCH_NUMBER = "CamelInforIonM3InvoiceBatchNumber";
    /** Out (m3-add-supplier-invoice): Boolean, true when the invoice was already in M3 and nothing was added. */
    @Metadata(label = "producer", javaType = "Boolean")
    public static final String M3_ALREADY_PRESENT = "CamelInforIonM3AlreadyPresent";
    /** Out on failure: the InforIonErrorType name of the exception. */
    @Metadata(label = "producer", javaType = "String")
    public static final String ERROR_TYPE = "CamelInforIonErrorType";

    private InforIonHeaders() {
    }
}
