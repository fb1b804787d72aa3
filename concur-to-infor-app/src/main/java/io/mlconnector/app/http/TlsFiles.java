package io.mlconnector.app.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.SSLOptions;
import io.vertx.core.net.TrustOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The key, chain and client CAs of one TLS listener as read from their files at one moment, with a fingerprint of
 * the files' contents so that a reload happens only when a file really changed.
 */
final class TlsFiles {
    private final TlsSettings settings;

    TlsFiles(TlsSettings settings) {
        this.settings = settings;
    }

    /** Options for a new server: read now, so a missing or unreadable file fails the start. */
    SSLOptions read() {
        SSLOptions options = new SSLOptions().setKeyCertOptions(keyCert());
        if (settings.mutual()) {
            options.setTrustOptions(TrustOptions.wrap(ClientCertificateCheck.of(settings.clientCas(),
                    settings.clientSubject())));
        }
        return options;
    }

    /** SHA-256 over every file's bytes, in a fixed order. */
    String fingerprint() {
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

    private KeyCertOptions keyCert() {
        Buffer certificate = Buffer.buffer(bytes(settings.certificate()));
        if (TlsSettings.isKeystore(settings.certificate())) {
            return new PfxOptions().setValue(certificate).setPassword(settings.keystorePassword());
        }
        return new PemKeyCertOptions().setCertValue(certificate)
                .setKeyValue(Buffer.buffer(bytes(settings.privateKey().orElseThrow())));
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
}
