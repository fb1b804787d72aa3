package io.mlconnector.concur.api;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the ESS webhook Source. Build with {@link #builder()}; defaults are stated per setting.
 */
public final class WebhookSettings {
    /** The assumed algorithm: the docs do not name one (notes §3.4). */
    public static final String DEFAULT_SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final List<Path> publicKeyFiles;
    private final List<PublicKey> publicKeys;
    private final String signatureAlgorithm;
    private final String host;
    private final int port;
    private final String path;
    private final int maxBodyBytes;
    private final int threads;

    private WebhookSettings(Builder b) {
        this.publicKeyFiles = List.copyOf(b.publicKeyFiles);
        this.publicKeys = List.copyOf(b.publicKeys);
        if (publicKeyFiles.isEmpty() && publicKeys.isEmpty()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION,
                    "webhook needs at least one Concur signature public key (PEM file)");
        }
        this.signatureAlgorithm = b.signatureAlgorithm;
        this.host = b.host;
        this.port = b.port;
        this.path = b.path.startsWith("/") ? b.path : "/" + b.path;
        this.maxBodyBytes = b.maxBodyBytes;
        this.threads = b.threads;
        if (port < 0 || port > 65535 || threads < 1 || maxBodyBytes < 1) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "webhook port, threads or maxBodyBytes invalid");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Path> publicKeyFiles() { return publicKeyFiles; }
    public List<PublicKey> publicKeys() { return publicKeys; }
    public String signatureAlgorithm() { return signatureAlgorithm; }
    public String host() { return host; }
    public int port() { return port; }
    public String path() { return path; }
    public int maxBodyBytes() { return maxBodyBytes; }
    public int threads() { return threads; }

    @Override
    public String toString() {
        return "WebhookSettings[keys=" + publicKeyFiles + " +" + publicKeys.size() + " in memory, algorithm="
                + signatureAlgorithm + ", listen=" + host + ":" + port + path + "]";
    }

    public static final class Builder {
        private final List<Path> publicKeyFiles = new ArrayList<>();
        private final List<PublicKey> publicKeys = new ArrayList<>();
        private String signatureAlgorithm = DEFAULT_SIGNATURE_ALGORITHM;
        private String host = "0.0.0.0";
        private int port = 8085;
        private String path = "/concur/events";
        private int maxBodyBytes = 1024 * 1024;
        private int threads = 8;

        /** A PEM file with a PUBLIC KEY or CERTIFICATE block; add one per active key (rotation). Re-read on start
         *  and on {@code reloadKeys()}. At least one key (file or in memory) is required. */
        public Builder publicKeyFile(Path v) { publicKeyFiles.add(v); return this; }
        public Builder publicKeyFiles(List<Path> v) { publicKeyFiles.addAll(v); return this; }
        /** A key given in memory (tests, secret stores). */
        public Builder publicKey(PublicKey v) { publicKeys.add(v); return this; }
        /** JCA signature algorithm. Default {@code SHA256withRSA} (an assumption: undocumented). */
        public Builder signatureAlgorithm(String v) { signatureAlgorithm = v; return this; }
        /** Listen address. Default {@code 0.0.0.0}. */
        public Builder host(String v) { host = v; return this; }
        /** Listen port; 0 picks a free one. Default 8085. */
        public Builder port(int v) { port = v; return this; }
        /** Request path. Default {@code /concur/events}. */
        public Builder path(String v) { path = v; return this; }
        /** Larger deliveries are answered 413. Default 1 MiB. */
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }
        /** Concurrent deliveries handled (ESS delivers on many threads). Default 8. */
        public Builder threads(int v) { threads = v; return this; }

        public WebhookSettings build() {
            return new WebhookSettings(this);
        }
    }
}
