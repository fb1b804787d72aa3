package io.mlconnector.concur.api;

import java.util.List;

/**
 * An ESS webhook subscription (https://developer.concur.com/event-topics/index.html). {@code applicationId},
 * {@code companyIds}, {@code groups} and {@code scope} are read-only (set by Concur).
 *
 * @param id       lower-case letters, digits, '.' and '-'; globally unique
 * @param topic    e.g. {@code public.concur.financialintegration}
 * @param filter   regex over the event type; {@code .*} = all
 * @param endpoint the HTTPS URL events are delivered to
 */
public record Subscription(String id, String topic, String filter, String endpoint, String applicationId,
                           List<String> companyIds, List<String> groups, String scope) {

    /** A subscription to create or update. */
    public static Subscription webhook(String id, String topic, String filter, String endpoint) {
        return new Subscription(id, topic, filter == null ? ".*" : filter, endpoint, null, List.of(), List.of(), null);
    }
}
