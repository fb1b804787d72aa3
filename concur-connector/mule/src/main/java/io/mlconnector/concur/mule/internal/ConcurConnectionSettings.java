package io.mlconnector.concur.mule.internal;

import io.mlconnector.concur.api.CallPacer;
import io.mlconnector.concur.api.ConcurConfiguration;
import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.annotation.param.Parameter;

import java.net.URI;
import java.time.Duration;

/** Where tokens are requested, the ERP system id, the HTTP limits and the call pace. Every setting says its default. */
public class ConcurConnectionSettings {

    /** Where first tokens are requested. Default https://glz.api.concursolutions.com. */
    @Parameter
    @Optional(defaultValue = "https://glz.api.concursolutions.com")
    private String authBaseUri;

    /** FIS {@code systemId} sent on reads, acknowledgements and confirmations (at most 50). Default none. */
    @Parameter
    @Optional(defaultValue = "")
    private String systemId;

    /** TCP connect timeout in seconds. Default 10. */
    @Parameter
    @Optional(defaultValue = "10")
    private int connectTimeoutSeconds;

    /** Answer timeout per request in seconds. Default 60. */
    @Parameter
    @Optional(defaultValue = "60")
    private int readTimeoutSeconds;

    /** Attempts per call on 429/503, the first included. Default 4. */
    @Parameter
    @Optional(defaultValue = "4")
    private int maxAttempts;

    /**
     * Calls per minute to Concur, token calls included, spaced evenly; a 429 slows every caller of the connection.
     * 0 = no pacing. Default 10000 (Concur publishes no rate for FIS or OAuth).
     */
    @Parameter
    @Optional(defaultValue = "10000")
    private int callsPerMinute;

    public ConcurConnectionSettings() {
    }

    public ConcurConnectionSettings(String authBaseUri, String systemId, int connectTimeoutSeconds,
                                    int readTimeoutSeconds, int maxAttempts) {
        this(authBaseUri, systemId, connectTimeoutSeconds, readTimeoutSeconds, maxAttempts,
                CallPacer.DEFAULT_CALLS_PER_MINUTE);
    }

    public ConcurConnectionSettings(String authBaseUri, String systemId, int connectTimeoutSeconds,
                                    int readTimeoutSeconds, int maxAttempts, int callsPerMinute) {
        this.authBaseUri = authBaseUri;
        this.systemId = systemId;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.readTimeoutSeconds = readTimeoutSeconds;
        this.maxAttempts = maxAttempts;
        this.callsPerMinute = callsPerMinute;
    }

    void applyTo(ConcurConfiguration.Builder builder) {
        builder.authBaseUri(URI.create(authBaseUri)).systemId(systemId)
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .readTimeout(Duration.ofSeconds(readTimeoutSeconds)).maxAttempts(maxAttempts)
                .callsPerMinute(callsPerMinute);
    }
}
