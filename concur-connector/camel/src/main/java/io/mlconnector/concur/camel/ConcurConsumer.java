package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.ConcurWebhookSource;
import io.mlconnector.concur.api.ConcurWebhookSource.Answer;
import io.mlconnector.concur.api.ConcurWebhookSource.RefusedDelivery;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ESS webhook on a platform-http server: each POST to the path is verified by the {@link ConcurWebhookSource};
 * a verified event goes to the route synchronously and the delivery is answered 200 only if the route completed
 * without an exception, 500 if it failed (ESS then retries). Signature and envelope errors are answered 401 and 400
 * without reaching the route, and the rejected-delivery listener hears about them.
 */
public class ConcurConsumer extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurConsumer.class);
    /** Where Camel's Vert.x platform-http puts the sender's address (a host:port); other engines may not set it. */
    private static final String REMOTE_ADDRESS_HEADER = "CamelVertxPlatformHttpRemoteAddress";

    private final ConcurEndpoint endpoint;
    private ConcurWebhookSource source;
    private Endpoint httpEndpoint;
    private Consumer httpConsumer;

    public ConcurConsumer(ConcurEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        source = new ConcurWebhookSource(endpoint.webhookSettings());
        httpEndpoint = endpoint.getCamelContext().getEndpoint(endpoint.getPlatformHttpComponent() + ":"
                + endpoint.getPath() + "?httpMethodRestrict=POST");
        httpConsumer = httpEndpoint.createConsumer(this::onDelivery);
        ServiceHelper.startService(httpConsumer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        source = null;
        super.doStop();
    }

    /**
     * The webhook's URL as a client on this machine reaches it, from the platform-http server's scheme and bound
     * port (useful with port 0).
     */
    public URI uri() {
        PlatformHttpEngine server = ((PlatformHttpEndpoint) httpEndpoint).getComponent().getEngine();
        return URI.create(server.getScheme() + "://127.0.0.1:" + server.getServerPort() + endpoint.getPath());
    }

    /** Re-reads the PEM key files (yearly rotation) without restarting the route. */
    public void reloadKeys() {
        source.reloadKeys();
    }

    private void onDelivery(Exchange delivery) {
        Message http = delivery.getMessage();
        byte[] body = http.getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        Answer answer = source.onDelivery(body, http.getHeader(ConcurWebhookSource.SIGNATURE_HEADER, String.class),
                http.getHeader(ConcurWebhookSource.CORRELATION_HEADER, String.class), this::onEvent);
        if (answer.refused()) {
            tellRejected(new RefusedDelivery(answer, body, requestHeaders(http), clientAddress(http)));
        }
        // only the answer goes back: the request's headers (signature, correlation id) are not echoed
        http.removeHeaders("*");
        http.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        http.setHeader(Exchange.CONTENT_TYPE, "application/json");
        http.setBody(ConcurWebhookSource.responseBody(answer));
    }

    private void tellRejected(RefusedDelivery delivery) {
        ConcurWebhookSource.RejectedDeliveryListener rejected = endpoint.getRejectedDeliveryListener();
        if (rejected == null) {
            return;
        }
        try {
            rejected.onRejected(delivery);
        } catch (RuntimeException e) {
            LOG.error("Concur webhook: keeping a refused delivery failed: {}", e.toString());
        }
    }

    private static Map<String, List<String>> requestHeaders(Message http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && value != null) {
                headers.put(name.toLowerCase(Locale.ROOT), value instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value)));
            }
        });
        return headers;
    }

    private static String clientAddress(Message http) {
        Object remote = http.getHeader(REMOTE_ADDRESS_HEADER);
        if (remote == null) {
            return "unknown";
        }
        String hostAndPort = remote.toString();
        int colon = hostAndPort.lastIndexOf(':');
        return colon > 0 ? hostAndPort.substring(0, colon) : hostAndPort;
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
