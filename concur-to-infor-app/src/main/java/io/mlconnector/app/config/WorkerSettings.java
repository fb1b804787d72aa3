package io.mlconnector.app.config;

import io.mlconnector.app.store.RetryPolicy;

import java.time.Duration;

/**
 * The inbox workers.
 *
 * @param count        worker threads per app instance
 * @param pollInterval wait between claims when the inbox is empty
 * @param lease        how long a claimed row belongs to its worker before another may take it
 * @param retryPolicy  attempts and backoff before a row is dead-lettered
 */
public record WorkerSettings(int count, Duration pollInterval, Duration lease, RetryPolicy retryPolicy) {
}
