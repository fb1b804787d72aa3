package io.mlconnector.concur.mule.internal;

import io.mlconnector.concur.api.ConcurWebhookSource;
import io.mlconnector.concur.api.WebhookSettings;
import org.mule.runtime.api.meta.ExpressionSupport;
import org.mule.runtime.extension.api.annotation.Configuration;
import org.mule.runtime.extension.api.annotation.Expression;
import org.mule.runtime.extension.api.annotation.Operations;
import org.mule.runtime.extension.api.annotation.Sources;
import org.mule.runtime.extension.api.annotation.connectivity.ConnectionProviders;
import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.annotation.param.Parameter;
import org.mule.runtime.extension.api.annotation.param.display.Summary;

import java.nio.file.Path;
import java.util.List;

/**
 * One Concur company: its connection (OAuth) and the keys that sign its webhook deliveries. Static (no expressions):
 * the verifier built from the keys is kept for the life of the configuration.
 */
@Configuration(name = "config")
@ConnectionProviders(ConcurConnectionProvider.class)
@Operations(ConcurOperations.class)
@Sources(ConcurWebhookListener.class)
public class ConcurConfig {

    /** PEM files with the public keys that sign ESS deliveries (one per active key during the yearly rotation). */
    @Parameter
    @Optional
    @Expression(ExpressionSupport.NOT_SUPPORTED)
    @Summary("PEM files (PUBLIC KEY or CERTIFICATE) of the keys Concur signs webhook deliveries with")
    private List<String> signaturePublicKeyFiles;

    /** JCA signature algorithm of {@code Concur-Signature}. Default SHA256withRSA. */
    @Parameter
    @Optional(defaultValue = WebhookSettings.DEFAULT_SIGNATURE_ALGORITHM)
    @Expression(ExpressionSupport.NOT_SUPPORTED)
    private String signatureAlgorithm;

    private volatile ConcurWebhookSource verifier;

    public ConcurConfig() {
    }

    /** For tests and embedding: a configuration with these keys. */
    public ConcurConfig(List<String> signaturePublicKeyFiles, String signatureAlgorithm) {
        this.signaturePublicKeyFiles = signaturePublicKeyFiles;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /**
     * The signature verifier of {@code verify-event}: the core webhook source, never started (the app's HTTP listener
     * receives the deliveries). Built on first use so a configuration without keys still serves the other operations.
     */
    ConcurWebhookSource verifier() {
        ConcurWebhookSource current = verifier;
        if (current == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = new ConcurWebhookSource(webhookSettings().build());
                }
                current = verifier;
            }
        }
        return current;
    }

    /** The key settings shared by {@code verify-event} and the webhook listener. */
    WebhookSettings.Builder webhookSettings() {
        WebhookSettings.Builder settings = WebhookSettings.builder().signatureAlgorithm(signatureAlgorithm);
        if (signaturePublicKeyFiles != null) {
            signaturePublicKeyFiles.forEach(file -> settings.publicKeyFile(Path.of(file)));
        }
        return settings;
    }
}
