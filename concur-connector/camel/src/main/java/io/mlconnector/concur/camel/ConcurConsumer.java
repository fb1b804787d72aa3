package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.ConcurWebhookSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Wraps the ESS webhook Source: each verified event goes to the route synchronously; the delivery is answered 200
 * only if the route completed without an exception, 500 if it failed (ESS then retries). Signature and envelope
 * errors are answered by the Source (401, 400) without reaching the route.
 */
public class ConcurConsumer extends DefaultConsumer {
    private final ConcurEndpoint endpoint;
    private ConcurWebhookSource source;

    public ConcurConsumer(ConcurEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        source = new ConcurWebhookSource(endpoint.webhookSettings());
        source.start(this::onEvent, endpoint.getRejectedDeliveryListener() != null
                ? endpoint.getRejectedDeliveryListener() : (answer, body, headers) -> { });
    }

    @Override
    protected void doStop() throws Exception {
        if (source != null) {
            source.stop();
            source = null;
        }
        super.doStop();
    }

    /** The listening URL (useful with port 0). */
    public java.net.URI uri() {
        return source.uri();
    }

    /** Re-reads the PEM key files (yearly rotation) without restarting the route. */
    public void reloadKeys() {
        source.reloadKeys();
    }

    private void onEvent(ConcurEvent event) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            Message m = exchange.getMessage();
            m.setBody(event);
            m.setHeader(ConcurHeaders.EVENT_ID, event.id());
            m.setHeader(ConcurHeaders.EVENT_TOPIC, event.topic());
            m.setHeader(ConcurHeaders.EVENT_TYPE, event.eventType());
            m.setHeader(ConcurHeaders.EVENT_TIMESTAMP, event.timeStamp());
            m.setHeader(ConcurHeaders.CORRELATION_ID, event.deliveryCorrelationId() != null
                    ? event.deliveryCorrelationId() : event.correlationId());
            event.href().ifPresent(h -> m.setHeader(ConcurHeaders.HREF, h));
            event.companyId().ifPresent(c -> m.setHeader(ConcurHeaders.COMPANY_ID, c));
            event.documentId().ifPresent(d -> m.setHeader(ConcurHeaders.DOC_ID, d));
            event.fisDocType().ifPresent(t -> m.setHeader(ConcurHeaders.FIS_DOC_TYPE, t.value()));
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            if (exchange.isRollbackOnly()) {
                throw new IllegalStateException("route marked event " + event.id() + " rollback-only");
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
