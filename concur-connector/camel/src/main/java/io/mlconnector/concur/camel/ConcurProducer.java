package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.ConcurPingResult;
import io.mlconnector.concur.api.ConnectionOperations;
import io.mlconnector.concur.api.EventSubscriptionOperations;
import io.mlconnector.concur.api.ExpenseOperations;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.concur.api.FisDocumentPage;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.api.FisOperations;
import io.mlconnector.concur.api.InvoiceOperations;
import io.mlconnector.concur.api.PaymentConfirmation;
import io.mlconnector.concur.api.PostingConfirmation;
import io.mlconnector.concur.api.Subscription;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.util.List;
import java.util.Optional;

/**
 * Calls one connector operation per exchange: reads its inputs from the body, headers and endpoint options, puts the
 * result in the body. No business logic; {@link ConcurException} propagates with its error type.
 */
public class ConcurProducer extends DefaultProducer {
    private final ConcurEndpoint endpoint;

    public ConcurProducer(ConcurEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        ConcurConnection connection = endpoint.connection();
        switch (endpoint.getOperation()) {
            case PING -> {
                ConcurPingResult ping = new ConnectionOperations(connection).ping();
                in.setHeader(ConcurHeaders.GEOLOCATION, ping.geolocation().toString());
                in.setBody(ping);
            }
            case FIS_DOCUMENTS -> {
                Integer page = in.getHeader(ConcurHeaders.FIS_PAGE, endpoint.getPage(), Integer.class);
                FisDocumentPage result = fis(connection, in).getDocuments(docType(in), page,
                        endpoint.getLimit() > 0 ? endpoint.getLimit() : null, null);
                in.setHeader(ConcurHeaders.FIS_HAS_NEXT_PAGE, result.hasNext());
                in.setBody(result);
            }
            case FIS_DOCUMENT -> fisDocument(connection, in);
            case ACKNOWLEDGE -> itemResults(in, fis(connection, in).acknowledge(docType(in), fisDocumentIds(in)));
            case CONFIRM_POSTING -> itemResults(in,
                    fis(connection, in).confirmPosting(docType(in), list(in, PostingConfirmation.class)));
            case CONFIRM_PAYMENT -> itemResults(in,
                    fis(connection, in).confirmPayment(list(in, PaymentConfirmation.class)));
            case EXPENSE_REPORT -> in.setBody(new ExpenseOperations(connection).getReport(href(in)));
            case PAYMENT_REQUEST -> in.setBody(new InvoiceOperations(connection).getPaymentRequest(
                    required(in.getHeader(ConcurHeaders.PAYMENT_REQUEST_ID, in.getBody(String.class), String.class),
                            "payment request id (header " + ConcurHeaders.PAYMENT_REQUEST_ID + ")")));
            case TOPICS -> in.setBody(new EventSubscriptionOperations(connection).listTopics());
            case SUBSCRIPTIONS -> in.setBody(new EventSubscriptionOperations(connection).listSubscriptions());
            case SUBSCRIPTION -> in.setBody(new EventSubscriptionOperations(connection)
                    .getSubscription(subscriptionId(in)).orElse(null));
            case SAVE_SUBSCRIPTION -> in.setBody(new EventSubscriptionOperations(connection)
                    .saveSubscription(subscription(in)));
            case DELETE_SUBSCRIPTION -> in.setBody(new EventSubscriptionOperations(connection)
                    .deleteSubscription(subscriptionId(in)));
            case WEBHOOK -> throw new ConcurException(ConcurErrorType.CONFIGURATION, "concur:webhook is a consumer");
        }
    }

    private void fisDocument(ConcurConnection connection, Message in) {
        ConcurEvent event = in.getBody() instanceof ConcurEvent e ? e : null;
        String docId = in.getHeader(ConcurHeaders.DOC_ID, String.class);
        if (docId == null && event != null) {
            docId = event.documentId().orElse(null);
        }
        Optional<FisDocument> document = fis(connection, in).getDocument(docType(in), required(docId,
                "docId (header " + ConcurHeaders.DOC_ID + " or a readyForIntegration event body)"),
                endpoint.isIgnoreDocumentStatus());
        in.setHeader(ConcurHeaders.FIS_DOCUMENT_FOUND, document.isPresent());
        document.ifPresent(d -> in.setHeader(ConcurHeaders.FIS_DOCUMENT_ID, d.id()));
        in.setBody(document.orElse(null));
    }

    private static void itemResults(Message in, List<FisItemResult> results) {
        if (results.size() == 1) {
            in.setHeader(ConcurHeaders.FIS_OUTCOME, results.get(0).outcome());
        }
        in.setBody(results);
    }

    private FisOperations fis(ConcurConnection connection, Message in) {
        return new FisOperations(connection).withCorrelationId(in.getHeader(ConcurHeaders.CORRELATION_ID,
                String.class));
    }

    /** Header, then a readyForIntegration event body, then a FIS document body, then the option. */
    private FisDocType docType(Message in) {
        String header = in.getHeader(ConcurHeaders.FIS_DOC_TYPE, String.class);
        if (header != null) {
            return FisDocType.of(header);
        }
        if (in.getBody() instanceof ConcurEvent e && e.fisDocType().isPresent()) {
            return e.fisDocType().get();
        }
        if (in.getBody() instanceof FisDocument d && d.docType() != null) {
            return FisDocType.of(d.docType());
        }
        return FisDocType.of(required(endpoint.getDocType(), "docType (option or header "
                + ConcurHeaders.FIS_DOC_TYPE + ")"));
    }

    private static List<String> fisDocumentIds(Message in) {
        String header = in.getHeader(ConcurHeaders.FIS_DOCUMENT_ID, String.class);
        if (header != null) {
            return List.of(header);
        }
        Object body = in.getBody();
        if (body instanceof FisDocument d) {
            return List.of(required(d.id(), "FIS document id"));
        }
        if (body instanceof String s) {
            return List.of(s);
        }
        if (body instanceof List<?> l) {
            return l.stream().map(o -> o instanceof FisDocument d ? d.id() : String.valueOf(o)).toList();
        }
        throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "acknowledge needs FIS document ids (header "
                + ConcurHeaders.FIS_DOCUMENT_ID + ", a FisDocument, a String or a List body)");
    }

    private static <T> List<T> list(Message in, Class<T> type) {
        Object body = in.getBody();
        if (type.isInstance(body)) {
            return List.of(type.cast(body));
        }
        if (body instanceof List<?> l && l.stream().allMatch(type::isInstance)) {
            return l.stream().map(type::cast).toList();
        }
        throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "body must be a " + type.getSimpleName()
                + " or a List of them, was " + (body == null ? "null" : body.getClass().getSimpleName()));
    }

    private static String href(Message in) {
        String href = in.getHeader(ConcurHeaders.HREF, String.class);
        if (href == null && in.getBody() instanceof ConcurEvent e) {
            href = e.href().orElse(null);
        }
        if (href == null && in.getBody() instanceof String s) {
            href = s;
        }
        return required(href, "href (header " + ConcurHeaders.HREF + " or an event body with facts.href)");
    }

    private String subscriptionId(Message in) {
        return required(in.getHeader(ConcurHeaders.SUBSCRIPTION_ID, endpoint.getSubscriptionId(), String.class),
                "subscriptionId (option or header " + ConcurHeaders.SUBSCRIPTION_ID + ")");
    }

    private Subscription subscription(Message in) {
        if (in.getBody() instanceof Subscription s) {
            return s;
        }
        return Subscription.webhook(subscriptionId(in), required(endpoint.getTopic(), "topic option"),
                endpoint.getFilter(), required(endpoint.getWebhookEndpoint(), "webhookEndpoint option"));
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "missing " + what);
        }
        return value;
    }
}
