package io.mlconnector.app.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The key, chain and client CAs of one TLS listener, read from their files, and swapped in place when the files'
 * contents change. The server's TLS context is built once around {@link #keyManager()} and {@link #clientCheck()},
 * which answer every new handshake from the latest files: no server restart and no window in which the listener
 * refuses connections while a new context is built.
 */
final class TlsFiles {
    private final TlsSettings settings;
    private final Vertx vertx;
    private final SwappableKeyManager keyManager = new SwappableKeyManager();
    private final ClientCertificateCheck clientCheck;
    private String fingerprint;

    TlsFiles(TlsSettings settings, Vertx vertx) {
        this.settings = settings;
        this.vertx = vertx;
        this.clientCheck = settings.mutual() ? new ClientCertificateCheck(settings.clientSubject()) : null;
        this.fingerprint = fingerprint();
        load();
    }

    X509KeyManager keyManager() {
        return keyManager;
    }

    /** Present with mutual TLS. */
    ClientCertificateCheck clientCheck() {
        return clientCheck;
    }

    /** Re-reads the files when their contents changed; answers whether they did. Throws when they cannot be used. */
    synchronized boolean reloadIfChanged() {
        String now = fingerprint();
        if (now.equals(fingerprint)) {
            return false;
        }
        load();
        fingerprint = now;
        return true;
    }

    private void load() {
        X509KeyManager next = readKeyManager();
        if (clientCheck != null) {
            clientCheck.trust(settings.clientCas());
        }
        keyManager.current = next;
    }

    private X509KeyManager readKeyManager() {
        Buffer certificate = Buffer.buffer(bytes(settings.certificate()));
        KeyCertOptions options = TlsSettings.isKeystore(settings.certificate())
                ? new PfxOptions().setValue(certificate).setPassword(settings.keystorePassword())
                : new PemKeyCertOptions().setCertValue(certificate)
                        .setKeyValue(Buffer.buffer(bytes(settings.privateKey().orElseThrow())));
        try {
            for (KeyManager manager : options.getKeyManagerFactory(vertx).getKeyManagers()) {
                if (manager instanceof X509KeyManager x509) {
                    return x509;
                }
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot use the TLS key and certificate " + settings.certificate()
                    + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no X.509 key in " + settings.certificate());
    }

    /** SHA-256 over every file's bytes, in a fixed order. */
    private String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files()) {
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(settings.certificate());
        settings.privateKey().ifPresent(files::add);
        files.addAll(settings.clientCas());
        return files;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read TLS file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Delegates every call to the key manager of the latest files. */
    private static final class SwappableKeyManager extends X509ExtendedKeyManager {
        private volatile X509KeyManager current;

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return current.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return current.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return current.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return current.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            X509KeyManager manager = current;
            return manager instanceof X509ExtendedKeyManager extended
                    ? extended.chooseEngineServerAlias(keyType, issuers, engine)
                    : manager.chooseServerAlias(keyType, issuers, null);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return current.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return current.getPrivateKey(alias);
        }
    }
}
