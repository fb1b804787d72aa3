package io.mlconnector.app.config;


import java.time.Duration;

/**
 * The inbox workers.
 *
 * @param count        worker threads per app instance
 * @param pollInterval wait between claims when the inbox is empty
 * @param lease        how long a claimed row belongs to its worker before another may take it (unless renewed)
 * @param retryPolicy  attempts and backoff before a row is dead-lettered
 * @param heartbeat    how often the leases of the rows this instance works on are renewed (shorter than the lease)
 * @param stallTimeout how long work may be due with no worker progressing before readiness goes DOWN
 */
public record WorkerSettings(int count, Duration pollInterval, Duration lease, RetryPolicy retryPolicy,
                             Duration heartbeat, Duration stallTimeout) {
}
