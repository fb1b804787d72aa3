package io.mlconnector.concur.camel;

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
 * One {@code concur:<operation>} URI. Producer operations: ping, fis-documents, fis-document, acknowledge,
 * confirm-posting, confirm-payment, expense-report, payment-request, topics, subscriptions, subscription,
 * save-subscription, delete-subscription. Consumer: webhook.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "concur", title = "SAP Concur", syntax = "concur:operation",
        category = {Category.API}, headersClass = ConcurHeaders.class)
public class ConcurEndpoint extends DefaultEndpoint {
    @UriPath(description = "The operation: ping, fis-documents, fis-document, acknowledge, confirm-posting,"
            + " confirm-payment, expense-report, payment-request, topics, subscriptions, subscription,"
            + " save-subscription, delete-subscription, or webhook (consumer)")
    @Metadata(required = true)
    private final ConcurOperation operation;

    /** FIS docType (expense, invoice, cashadvance, …); header CamelConcurFisDocType overrides it. */
    @UriParam(label = "producer", description = "FIS docType: expense, invoice, cashadvance, payroll,"
            + " requestobligation, reportobligation")
    private String docType;

    /** fis-documents: page number from 0. */
    @UriParam(label = "producer", defaultValue = "0", description = "fis-documents: page number (from 0)")
    private int page;

    /** fis-documents: records per page; 0 = the configured fisPageSize (25). */
    @UriParam(label = "producer", description = "fis-documents: records per page (default: configured fisPageSize)")
    private int limit;

    /** fis-documents: ERP systemId filter; default the configured systemId. */
    @UriParam(label = "producer", description = "fis-documents: systemId filter (default: configured systemId)")
    private String systemId;

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

    public ConcurEndpoint(String uri, ConcurComponent component, ConcurOperation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public ConcurComponent getComponent() {
        return (ConcurComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (operation == ConcurOperation.WEBHOOK) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "concur:webhook is a consumer endpoint");
        }
        return new ConcurProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != ConcurOperation.WEBHOOK) {
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

    public ConcurOperation getOperation() { return operation; }
    public String getDocType() { return docType; }
    public void setDocType(String docType) { this.docType = docType; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
    public int getLimit() { return limit; }
    public void setLimit(int limit) { this.limit = limit; }
    public String getSystemId() { return systemId; }
    public void setSystemId(String systemId) { this.systemId = systemId; }
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
