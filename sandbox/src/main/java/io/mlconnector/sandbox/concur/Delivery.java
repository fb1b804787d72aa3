package io.mlconnector.sandbox.concur;

import java.net.URI;
import java.time.Instant;

/**
 * One delivery attempt of an ESS event to a subscriber, as the ESS delivery log records it
 * (https://developer.concur.com/api-reference/ess/v4.event-subscription.html).
 *
 * @param eventId        the event {@code id}
 * @param attempt        1 for the first attempt of this copy, 2 for its first retry, …
 * @param httpStatus     the subscriber's HTTP status, or -1 for an I/O error or a timeout
 * @param at             when the answer (or the error) arrived
 * @param subscriptionId the subscription that matched
 * @param endpoint       where it was POSTed
 * @param copy           0 for the original delivery, 1 for a duplicate sent by the at-least-once simulation
 * @param outcome        what ESS did after this attempt
 */
public record Delivery(String eventId, int attempt, int httpStatus, Instant at, String subscriptionId, URI endpoint,
                       int copy, Outcome outcome) {

    public enum Outcome {
        /** 2xx: done. */
        DELIVERED,
        /** 5xx, 401, 403, 429, I/O error or timeout: tried again later. */
        RETRYING,
        /** Any other 4xx: "posted event is unexpected or incorrectly formatted", never retried. */
        DROPPED,
        /** Retryable failure on the last allowed attempt. */
        GAVE_UP
    }
}
