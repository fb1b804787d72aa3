package io.mlconnector.app.config;

import io.mlconnector.app.http.ListenerSettings;

/**
 * The admin API and the operator console.
 *
 * @param listener {@code admin.host}, {@code admin.port}, bodies up to 64 KiB and optional TLS
 * @param token    {@code admin.token}: the bearer token; empty means the protected endpoints refuse every call
 *                 (never printed)
 */
public record AdminSettings(ListenerSettings listener, String token) {
    @Override
    public String toString() {
        return "AdminSettings[listener=" + listener + ", token=" + AppConfig.mask(token) + "]";
    }
}
