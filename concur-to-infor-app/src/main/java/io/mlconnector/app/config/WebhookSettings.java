package io.mlconnector.app.config;

import io.mlconnector.app.http.ListenerSettings;

import java.net.URI;

/**
 * The webhook Concur's Event Subscription Service delivers to.
 *
 * @param listener  {@code webhook.host}, {@code webhook.port}, its limits and optional (mutual) TLS
 * @param path      {@code webhook.path}: the path deliveries are posted to
 * @param publicUrl {@code webhook.public-url}: the URL Concur reaches the webhook at, registered by {@code subscribe}
 */
public record WebhookSettings(ListenerSettings listener, String path, URI publicUrl) {
}
