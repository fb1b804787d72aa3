package io.mlconnector.app.pipeline;

/**
 * This attempt cannot go on now, and a later one can: Concur has not published the document yet or refused a call for
 * the time being, another worker holds the event or sends its chunk, or an earlier attempt's decision must be picked up
 * first. The event route hands it back to the inbox, which tries the event again after its backoff and dead-letters it
 * when the attempts are used up. Not an immediate redelivery: nothing here clears within seconds.
 */
final class RetryLater extends RuntimeException {
    RetryLater(String message) {
        super(message);
    }
}
