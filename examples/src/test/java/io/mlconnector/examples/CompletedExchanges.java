package io.mlconnector.examples;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the exchanges each route finished (completed or failed), not the split parts inside them: how a test knows
 * a flow has run, without timing it. camel-main picks it up as a bean.
 */
final class CompletedExchanges extends EventNotifierSupport {
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeEvent e && isWholeExchange(e.getExchange())) {
            Map<String, AtomicInteger> tally = event instanceof CamelEvent.ExchangeFailedEvent ? failed : completed;
            tally.computeIfAbsent(String.valueOf(e.getExchange().getFromRouteId()), r -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    private static boolean isWholeExchange(Exchange exchange) {
        return exchange.getProperty(ExchangePropertyKey.CORRELATION_ID) == null;
    }

    int completed(String routeId) {
        return completed.getOrDefault(routeId, new AtomicInteger()).get();
    }

    int failed(String routeId) {
        return failed.getOrDefault(routeId, new AtomicInteger()).get();
    }
}
