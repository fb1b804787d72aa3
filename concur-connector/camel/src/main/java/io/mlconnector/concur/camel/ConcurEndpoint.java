package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.ConcurWebhookSource;
import io.mlconnector.concur.api.WebhookSettings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Read SAP Concur financial documents, acknowledge them and confirm their posting (Financial Integration Service),
 * read expense reports and payment requests, manage event subscriptions, and receive Concur's event webhooks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "concur", title = "SAP Concur", syntax = "concur:operation",
        category = {Category.API}, headersClass = ConcurHeaders.class)
public class ConcurEndpoint extends DefaultEndpoint {
    /** The connector operation this endpoint calls, or webhook to receive Concur's events. */
    @UriPath(enums = "ping,fis-documents,fis-document,acknowledge,confirm-posting,confirm-payment,expense-report,"
            + "payment-request,topics,subscriptions,subscription,save-subscription,delete-subscription,webhook")
    @Metadata(required = true)
    private final String operation;

    private final ConcurOperation concurOperation;

    @UriParam
    private ConcurEndpointConfiguration configuration;

    /**
     * The FIS document type of fis-documents, fis-document, acknowledge and confirm-posting; the
     * CamelConcurFisDocType header, or the docType of an event or FIS document body, wins.
     */
    @UriParam(label = "producer", enums = "expense,invoice,cashadvance,payroll,requestobligation,reportobligation")
    private String docType;

    /** fis-documents: page number from 0. */
    @UriParam(label = "producer", defaultValue = "0", description = "fis-documents: page number (from 0)")
    private int page;

    /** fis-documents: records per page; 0 = the configured fisPageSize (25). */
    @UriParam(label = "producer", description = "fis-documents: records per page (default: configured fisPageSize)")
    private int limit;

    /** fis-document: return the document whatever its status (ignoreDocumentStatus=yes). */
    @UriParam(label = "producer", defaultValue = "false",
            description = "fis-document: send ignoreDocumentStatus=yes")
    private boolean ignoreDocumentStatus;

    /** subscription / save-subscription / delete-subscription: the ESS subscription id. */
    @UriParam(label = "producer", description = "ESS subscription id")
    private String subscriptionId;

    /** save-subscription: the topic. */
    @UriParam(label = "producer", description = "save-subscription: topic")
    private String topic;

    /** save-subscription: event-type regex. */
    @UriParam(label = "producer", defaultValue = ".*", description = "save-subscription: event-type filter regex")
    private String filter = ".*";

    /** save-subscription: the webhook URL Concur delivers to. */
    @UriParam(label = "producer", description = "save-subscription: webhook endpoint URL")
    private String webhookEndpoint;

    /** webhook: comma-separated PEM files (PUBLIC KEY or CERTIFICATE), one per active key. */
    @UriParam(label = "consumer", description = "webhook: comma-separated PEM files of the Concur signature keys")
    private String publicKeyFiles;

    /** webhook: the JCA signature algorithm (undocumented by Concur; SHA256withRSA assumed). */
    @UriParam(label = "consumer", defaultValue = WebhookSettings.DEFAULT_SIGNATURE_ALGORITHM,
            description = "webhook: signature algorithm")
    private String signatureAlgorithm = WebhookSettings.DEFAULT_SIGNATURE_ALGORITHM;

    /** webhook: the platform-http component whose server receives the deliveries. */
    @UriParam(label = "consumer", defaultValue = "platform-http", description = "webhook: the platform-http component"
            + " (server) that receives the deliveries; the HTTP server owns the address, TLS and transport limits")
    private String platformHttpComponent = "platform-http";

    /** webhook: request path. */
    @UriParam(label = "consumer", defaultValue = "/concur/events", description = "webhook: request path")
    private String path = "/concur/events";

    public ConcurEndpoint(String uri, ConcurComponent component, String operation,
                          ConcurEndpointConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.concurOperation = ConcurOperation.of(operation);
        this.configuration = configuration;
    }

    /** The company connection these endpoint settings use. */
    ConcurConnection connection() {
        return getComponent().connection(configuration);
    }

    @Override
    public ConcurComponent getComponent() {
        return (ConcurComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (concurOperation == ConcurOperation.WEBHOOK) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "concur:webhook is a consumer endpoint");
        }
        return new ConcurProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (concurOperation != ConcurOperation.WEBHOOK) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "only concur:webhook can consume");
        }
        ConcurConsumer consumer = new ConcurConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @UriParam(label = "consumer", description = "webhook: told about every refused delivery (bad signature, not an"
            + " event) with its raw body and the sender's address, e.g. to quarantine it; a bean reference (#name)")
    private ConcurWebhookSource.RejectedDeliveryListener rejectedDeliveryListener;

    public ConcurWebhookSource.RejectedDeliveryListener getRejectedDeliveryListener() { return rejectedDeliveryListener; }
    public void setRejectedDeliveryListener(ConcurWebhookSource.RejectedDeliveryListener v) { this.rejectedDeliveryListener = v; }

    WebhookSettings webhookSettings() {
        WebhookSettings.Builder b = WebhookSettings.builder().signatureAlgorithm(signatureAlgorithm);
        if (publicKeyFiles != null) {
            Arrays.stream(publicKeyFiles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of)
                    .forEach(b::publicKeyFile);
        }
        return b.build();
    }

    public ConcurOperation getOperation() { return concurOperation; }
    public ConcurEndpointConfiguration getConfiguration() { return configuration; }
    public void setConfiguration(ConcurEndpointConfiguration configuration) { this.configuration = configuration; }
    public String getDocType() { return docType; }
    public void setDocType(String docType) { this.docType = docType; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
    public int getLimit() { return limit; }
    public void setLimit(int limit) { this.limit = limit; }
    public boolean isIgnoreDocumentStatus() { return ignoreDocumentStatus; }
    public void setIgnoreDocumentStatus(boolean v) { this.ignoreDocumentStatus = v; }
    public String getSubscriptionId() { return subscriptionId; }
    public void setSubscriptionId(String subscriptionId) { this.subscriptionId = subscriptionId; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
    public String getWebhookEndpoint() { return webhookEndpoint; }
    public void setWebhookEndpoint(String webhookEndpoint) { this.webhookEndpoint = webhookEndpoint; }
    public String getPublicKeyFiles() { return publicKeyFiles; }
    public void setPublicKeyFiles(String publicKeyFiles) { this.publicKeyFiles = publicKeyFiles; }
    public String getSignatureAlgorithm() { return signatureAlgorithm; }
    public void setSignatureAlgorithm(String v) { this.signatureAlgorithm = v; }
    public String getPlatformHttpComponent() { return platformHttpComponent; }
    public void setPlatformHttpComponent(String v) { this.platformHttpComponent = v; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
}
