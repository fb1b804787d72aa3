package io.mlconnector.infor.camel;

import io.mlconnector.infor.api.AccountCode;
import io.mlconnector.infor.api.Bod;
import io.mlconnector.infor.api.BodVerb;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.IonPingResult;
import io.mlconnector.infor.api.JournalEntry;
import io.mlconnector.infor.api.M3InvoiceResult;
import io.mlconnector.infor.api.MessagingOperations;
import io.mlconnector.infor.api.PostResult;
import io.mlconnector.infor.api.SupplierInvoice;
import io.mlconnector.infor.api.ValidationResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Translates an exchange into one connector operation call and the result back; no business logic. */
public class InforIonProducer extends DefaultProducer {
    private final InforIonEndpoint endpoint;

    public InforIonProducer(InforIonEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        try {
            switch (endpoint.getOperation()) {
                case POST_BOD -> postBod(in);
                case BUILD_BOD -> buildBod(in);
                case VALIDATE -> validate(in);
                case PING -> ping(in);
                case ACCEPTED_DOCUMENTS -> in.setBody(component().messaging().acceptedDocuments());
                case M3_ADD_SUPPLIER_INVOICE -> m3AddSupplierInvoice(in);
            }
        } catch (InforIonException e) {
            in.setHeader(InforIonHeaders.ERROR_TYPE, e.type().name());
            throw e;
        }
    }

    private void postBod(Message in) {
        Bod bod = in.getBody() instanceof Bod given ? given : build(in);
        PostResult result = component().messaging().postMessage(bod);
        in.setHeader(InforIonHeaders.MESSAGE_ID, result.messageId());
        in.setHeader(InforIonHeaders.BOD_ID, result.bodId());
        in.setHeader(InforIonHeaders.DOCUMENT_NAME, result.documentName());
        in.setHeader(InforIonHeaders.HTTP_STATUS, result.httpStatus());
        in.setBody(result);
    }

    private void buildBod(Message in) {
        Bod bod = build(in);
        in.setHeader(InforIonHeaders.BOD_ID, bod.bodId());
        in.setHeader(InforIonHeaders.DOCUMENT_NAME, bod.documentName());
        in.setHeader(InforIonHeaders.BOD_SIZE, bod.size());
        in.setBody(bod);
    }

    private Bod build(Message in) {
        Object body = in.getBody();
        if (body instanceof JournalEntry entry) {
            return component().bods().journalEntry(entry, verb(in));
        }
        if (body instanceof SupplierInvoice invoice) {
            return component().bods().processSupplierInvoice(invoice);
        }
        throw wrongBody("a JournalEntry, SupplierInvoice or Bod", body);
    }

    private BodVerb verb(Message in) {
        String header = in.getHeader(InforIonHeaders.VERB, String.class);
        return header == null ? endpoint.getVerb() : BodVerb.valueOf(header.trim().toUpperCase());
    }

    @SuppressWarnings("unchecked")
    private void validate(Message in) {
        Object body = in.getBody();
        ValidationResult result;
        if (body instanceof JournalEntry entry) {
            result = component().validation().validate(entry);
        } else if (body instanceof SupplierInvoice invoice) {
            result = component().validation().validate(invoice);
        } else if (body instanceof Collection<?> codes && codes.stream().allMatch(AccountCode.class::isInstance)) {
            String entity = in.getHeader(InforIonHeaders.ACCOUNTING_ENTITY, String.class);
            result = component().validation().validate(entity, (Collection<AccountCode>) codes);
        } else {
            throw wrongBody("a JournalEntry, SupplierInvoice or Collection<AccountCode>", body);
        }
        in.setHeader(InforIonHeaders.VALID, result.valid());
        in.setBody(result);
        if (!result.valid() && endpoint.isFailOnUnknown()) {
            throw new InforIonException(InforIonErrorType.NOT_FOUND, result.describe());
        }
    }

    private void ping(Message in) {
        List<String> documents = endpoint.getRequiredDocuments() == null ? MessagingOperations.CONNECTOR_DOCUMENTS
                : Arrays.stream(endpoint.getRequiredDocuments().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        IonPingResult result = component().messaging().ping(documents);
        in.setHeader(InforIonHeaders.PING_OK, result.ok());
        in.setBody(result);
    }

    private void m3AddSupplierInvoice(Message in) {
        Object body = in.getBody();
        if (!(body instanceof SupplierInvoice invoice)) {
            throw wrongBody("a SupplierInvoice", body);
        }
        M3InvoiceResult result = component().m3().addSupplierInvoice(invoice);
        in.setHeader(InforIonHeaders.M3_INVOICE_BATCH_NUMBER, result.invoiceBatchNumber());
        in.setHeader(InforIonHeaders.M3_ALREADY_PRESENT, result.alreadyPresent());
        in.setBody(result);
    }

    private InforIonComponent component() {
        return endpoint.getComponent();
    }

    private InforIonException wrongBody(String expected, Object body) {
        return new InforIonException(InforIonErrorType.INVALID_INPUT, "infor-ion:" + endpoint.getOperation().uriName()
                + " expects " + expected + " as body, got " + (body == null ? "null" : body.getClass().getName()));
    }
}
