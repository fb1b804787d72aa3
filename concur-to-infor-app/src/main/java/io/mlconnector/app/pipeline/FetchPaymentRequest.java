package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.nonfis.NonFisDocumentException;
import io.mlconnector.app.nonfis.PaymentRequestAdapter;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.PaymentRequest;
import io.mlconnector.concur.camel.ConcurHeaders;
import org.apache.camel.Exchange;

import java.net.URI;
import java.util.List;

/**
 * Reads the payment request a {@code public.concur.invoice.paymentrequest} event names through Invoice v3
 * (https://developer.concur.com/api-reference/invoice/v3.payment-request.html) and turns it into the FIS invoice
 * document shape. That topic is the product brief's; Concur's docs document only FIS
 * {@code invoice.readyForIntegration} for invoices
 * (https://developer.concur.com/event-topics/Shared/ready-for-integration-event.html).
 */
final class FetchPaymentRequest {
    /** The route's call: the {@code concur:} component reads the payment request by its id. */
    static final String ENDPOINT = "concur:payment-request";

    private final Services services;

    FetchPaymentRequest(Services services) {
        this.services = services;
    }

    /** The request: the payment request id the event names. */
    void request(Exchange exchange) {
        exchange.getMessage().setHeader(ConcurHeaders.PAYMENT_REQUEST_ID, requestId(DocumentWork.of(exchange)));
    }

    /** Concur's answer, in the FIS document shape the mapping reads. */
    void fetched(Exchange exchange) {
        PaymentRequest request = exchange.getMessage().getBody(PaymentRequest.class);
        String requestId = exchange.getMessage().getHeader(ConcurHeaders.PAYMENT_REQUEST_ID, String.class);
        DocumentWork work = DocumentWork.resume(exchange);
        String documentId = NonFisDocuments.paymentRequestDocumentId(requestId);
        ObjectNode document;
        try {
            document = PaymentRequestAdapter.toFisDocument(request.json(), requestId);
        } catch (NonFisDocumentException e) {
            work.keys = work.keys.withFisDocumentId(documentId).withReportId(requestId);
            throw new DocumentRejected(RejectionReason.UNREADABLE_PAYMENT_REQUEST, List.of(requestId), e.problems());
        }
        NonFisDocuments.adopt(services, work, FisDocType.INVOICE, documentId, requestId, document, "invoice-v3");
    }

    /** {@code facts.requestId}, else the last path segment of {@code facts.href}. */
    static String requestId(DocumentWork work) {
        return work.event.fact("requestId").or(() -> work.event.href().map(FetchPaymentRequest::lastSegment))
                .filter(id -> !id.isBlank())
                .orElseThrow(() -> new DocumentRejected(RejectionReason.NO_PAYMENT_REQUEST_ID, List.of(),
                        List.of("event " + work.event.id() + " names no payment request (facts.requestId, facts.href)")));
    }

    private static String lastSegment(String href) {
        String path = URI.create(href.trim()).getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
