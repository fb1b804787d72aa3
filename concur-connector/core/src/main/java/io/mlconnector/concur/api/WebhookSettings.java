package io.mlconnector.concur.api;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the ESS webhook Source: the keys Concur signs deliveries with. Build with {@link #builder()}. Where the
 * webhook listens, and its transport limits, belong to the runtime's HTTP server.
 */
public final class WebhookSettings {
    /**
     * The assumed algorithm: the docs do not name one
     * (https://developer.concur.com/api-reference/ess/v4.event-subscription.html).
     */
    public static final String DEFAULT_SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final List<Path> publicKeyFiles;
    private final List<PublicKey> publicKeys;
    private final String signatureAlgorithm;

    private WebhookSettings(Builder b) {
        this.publicKeyFiles = List.copyOf(b.publicKeyFiles);
        this.publicKeys = List.copyOf(b.publicKeys);
        if (publicKeyFiles.isEmpty() && publicKeys.isEmpty()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION,
                    "webhook needs at least one Concur signature public key (PEM file)");
        }
        this.signatureAlgorithm = b.signatureAlgorithm;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Path> publicKeyFiles() { return publicKeyFiles; }
    public List<PublicKey> publicKeys() { return publicKeys; }
    public String signatureAlgorithm() { return signatureAlgorithm; }

    @Override
    public String toString() {
        return "WebhookSettings[keys=" + publicKeyFiles + " +" + publicKeys.size() + " in memory, algorithm="
                + signatureAlgorithm + "]";
    }

    public static final class Builder {
        private final List<Path> publicKeyFiles = new ArrayList<>();
        private final List<PublicKey> publicKeys = new ArrayList<>();
        private String signatureAlgorithm = DEFAULT_SIGNATURE_ALGORITHM;

        /** A PEM file with a PUBLIC KEY or CERTIFICATE block; add one per active key (rotation). Re-read on start
         *  and on {@code reloadKeys()}. At least one key (file or in memory) is required. */
        public Builder publicKeyFile(Path v) { publicKeyFiles.add(v); return this; }
        public Builder publicKeyFiles(List<Path> v) { publicKeyFiles.addAll(v); return this; }
        /** A key given in memory (tests, secret stores). */
        public Builder publicKey(PublicKey v) { publicKeys.add(v); return this; }
        /** JCA signature algorithm. Default {@code SHA256withRSA} (an assumption: undocumented). */
        public Builder signatureAlgorithm(String v) { signatureAlgorithm = v; return this; }

        public WebhookSettings build() {
            return new WebhookSettings(this);
        }
    }
}
