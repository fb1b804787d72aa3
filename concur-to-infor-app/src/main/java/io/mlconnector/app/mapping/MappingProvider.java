package io.mlconnector.app.mapping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the current {@link Mapping} of a customer-editable file, reloading it without a rebuild or restart.
 *
 * <p>{@link #current()} re-reads the file at most once per check interval and recompiles it when its content changed
 * (content hash, not modification time, which is too coarse on some file systems). A bad edit never replaces a good
 * mapping: the last good one stays in use and {@link #lastError()} says why the edit was refused (every problem with
 * its line), also logged at WARN. At start-up there is no last good mapping, so {@link #fromFile} fails.
 */
public final class MappingProvider {
    private static final Logger LOG = LoggerFactory.getLogger(MappingProvider.class);

    private final Path file;
    private final Duration checkInterval;
    private final Clock clock;
    private volatile Mapping current;
    private volatile byte[] currentHash;
    private volatile byte[] rejectedHash;
    private volatile Optional<MappingConfigException> lastError = Optional.empty();
    private volatile Instant lastCheck;
    private volatile Instant loadedAt;

    private MappingProvider(Path file, Duration checkInterval, Clock clock) {
        this.file = file;
        this.checkInterval = checkInterval;
        this.clock = clock;
    }

    /**
     * Loads {@code file} now and watches it, checking for changes at most every {@code checkInterval}.
     *
     * @throws MappingConfigException when the file is missing or invalid at start-up (every problem with its line)
     */
    public static MappingProvider fromFile(Path file, Duration checkInterval, Clock clock) {
        MappingProvider provider = new MappingProvider(Objects.requireNonNull(file, "file"),
                Objects.requireNonNull(checkInterval, "checkInterval"), Objects.requireNonNull(clock, "clock"));
        ReloadResult first = provider.reload();
        if (first == ReloadResult.REJECTED) {
            throw provider.lastError.orElseThrow();
        }
        return provider;
    }

    /**
     * A provider that always answers {@code mapping} and never reloads, e.g. {@link Mapping#defaultMapping()} for the
     * demo when no mapping file is configured.
     */
    public static MappingProvider fixed(Mapping mapping) {
        MappingProvider provider = new MappingProvider(null, Duration.ZERO, Clock.systemUTC());
        provider.current = Objects.requireNonNull(mapping, "mapping");
        provider.loadedAt = Instant.now();
        return provider;
    }

    /** @see #fromFile(Path, Duration, Clock) with a 2-second check interval and the UTC clock */
    public static MappingProvider fromFile(Path file) {
        return fromFile(file, Duration.ofSeconds(2), Clock.systemUTC());
    }

    /** What a reload did. */
    public enum ReloadResult {
        /** The file changed and the new mapping is now in use. */
        RELOADED,
        /** The file did not change. */
        UNCHANGED,
        /** The file changed but is invalid (or unreadable); the last good mapping stays in use. */
        REJECTED
    }

    /** The mapping to use now; reloads first when the check interval has passed and the file changed. */
    public Mapping current() {
        if (file == null) {
            return current;
        }
        Instant now = clock.instant();
        if (lastCheck == null || !now.isBefore(lastCheck.plus(checkInterval))) {
            reload();
        }
        return current;
    }

    /** Re-reads the file now. */
    public synchronized ReloadResult reload() {
        if (file == null) {
            return ReloadResult.UNCHANGED;
        }
        lastCheck = clock.instant();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return reject(new MappingConfigException(file.toString(), List.of(
                    new MappingConfigException.Problem(0, "", "cannot read the file: " + e))));
        }
        byte[] hash = sha256(content);
        if (current != null && Arrays.equals(hash, currentHash)) {
            return ReloadResult.UNCHANGED;
        }
        if (Arrays.equals(hash, rejectedHash)) {
            return ReloadResult.REJECTED;
        }
        try {
            Mapping mapping = Mapping.parse(new String(content, StandardCharsets.UTF_8), file.toString(), clock);
            current = mapping;
            currentHash = hash;
            loadedAt = clock.instant();
            lastError = Optional.empty();
            rejectedHash = null;
            LOG.info("Mapping {} loaded", file);
            return ReloadResult.RELOADED;
        } catch (MappingConfigException e) {
            rejectedHash = hash;
            return reject(e);
        }
    }

    private ReloadResult reject(MappingConfigException e) {
        lastError = Optional.of(e);
        if (current != null) {
            LOG.warn("Mapping edit refused, still using the version loaded at {}: {}", loadedAt, e.getMessage());
        }
        return ReloadResult.REJECTED;
    }

    /** Why the latest edit was refused; empty once a good version is loaded. */
    public Optional<MappingConfigException> lastError() {
        return lastError;
    }

    /** The watched file; empty for a {@link #fixed} provider. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
