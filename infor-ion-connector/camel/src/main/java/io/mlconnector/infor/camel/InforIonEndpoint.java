package io.mlconnector.infor.camel;

import io.mlconnector.infor.api.BodVerb;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Post BODs to Infor ION through the ION API Gateway (journal entries, supplier invoices), build and measure them,
 * validate GL accounts and cost centers, add M3 supplier invoices through APS450MI, and check the ION set-up.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "infor-ion", title = "Infor ION", syntax = "infor-ion:operation",
        producerOnly = true, category = {Category.CLOUD, Category.API}, headersClass = InforIonHeaders.class)
public class InforIonEndpoint extends DefaultEndpoint {
    /** The connector operation this endpoint calls. */
    @UriPath(enums = "post-bod,build-bod,validate,ping,accepted-documents,m3-add-supplier-invoice")
    @Metadata(required = true)
    private final String operation;

    private final InforIonOperation inforIonOperation;

    @UriParam(description = "BOD verb for a JournalEntry body (Sync or Process); the CamelInforIonVerb header wins",
            defaultValue = "SYNC")
    private BodVerb verb = BodVerb.SYNC;

    @UriParam(description = "validate: fail the exchange (NOT_FOUND) when a code is unknown; otherwise only set the "
            + "CamelInforIonValid header", defaultValue = "true")
    private boolean failOnUnknown = true;

    @UriParam(description = "ping: comma-separated documentNames the connection point must accept; default the "
            + "three this connector builds")
    private String requiredDocuments;

    public InforIonEndpoint(String uri, InforIonComponent component, String operation) {
        super(uri, component);
        this.operation = operation;
        this.inforIonOperation = InforIonOperation.fromUri(operation);
    }

    @Override
    public Producer createProducer() {
        return new InforIonProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("infor-ion endpoints are producers only");
    }

    @Override
    public InforIonComponent getComponent() {
        return (InforIonComponent) super.getComponent();
    }

    public InforIonOperation getOperation() { return inforIonOperation; }
    public BodVerb getVerb() { return verb; }
    public void setVerb(BodVerb verb) { this.verb = verb; }
    public boolean isFailOnUnknown() { return failOnUnknown; }
    public void setFailOnUnknown(boolean failOnUnknown) { this.failOnUnknown = failOnUnknown; }
    public String getRequiredDocuments() { return requiredDocuments; }
    public void setRequiredDocuments(String requiredDocuments) { this.requiredDocuments = requiredDocuments; }
}
