package io.mlconnector.app.store;

import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.JdbcUrls;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

/**
 * The embedded default database, an H2 file: made durable under {@code kill -9} and readable by its owner only.
 *
 * <p>Durability: H2's MVStore writes committed transactions to the file in the background, {@code WRITE_DELAY}
 * (500 ms) later, so a killed process loses commits it already reported, e.g. an inbox row whose event ESS was
 * answered 2xx for (https://h2database.com/html/advanced.html#durability_problems). {@code WRITE_DELAY=0} makes each
 * commit write the store before it returns. It must be given <em>in the URL</em>: set afterwards with
 * {@code SET WRITE_DELAY 0}, a kill -9 still lost acknowledged commits (1,166 of 6,709 in one kill with eight writing
 * threads, after which the file no longer opened; tens per kill with one thread); with it in the URL, none. With it H2
 * also starts no background writer, so {@link EmbeddedH2Housekeeping} compacts the file instead.
 *
 * <p>Secrets: the database holds the token store and the lock file holds the auto-server's key, so the folder is
 * created {@code rwx------} and the files {@code rw-------}. The auto-server ({@code AUTO_SERVER=TRUE}, which lets
 * {@code status} and {@code audit} read the database of a running app) listens on loopback only.
 */
final class EmbeddedH2 {
    static final String WRITE_EVERY_COMMIT = "WRITE_DELAY=0";
    static final String BIND_ADDRESS = "h2.bindAddress";
    private static final Duration LOCK_TAKEOVER = Duration.ofSeconds(20);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private EmbeddedH2() {
    }

    /**
     * Binds the servers H2 starts in this JVM (the auto-server) to 127.0.0.1 instead of every interface, unless the
     * operator chose an address with {@code -Dh2.bindAddress}. H2 reads the property once, when its first class loads,
     * so this runs before the first connection.
     */
    static void bindServersToLoopback() {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }

    /**
     * The settings for an embedded file database: the durable URL, and a first connection that may take as long as
     * H2 needs to take over the lock file of a process that died (it waits until the file stops being refreshed,
     * several seconds; a restart right after a crash otherwise failed with "connection not available").
     */
    static DatabaseSettings settings(DatabaseSettings settings) {
        Duration timeout = settings.connectionTimeout().compareTo(LOCK_TAKEOVER) < 0 ? LOCK_TAKEOVER
                : settings.connectionTimeout();
        return settings.withUrl(durable(settings.url())).withConnectionTimeout(timeout);
    }

    /** The URL with {@code ;WRITE_DELAY=0} added to an embedded H2 file URL that does not choose its own. */
    static String durable(String url) {
        if (JdbcUrls.h2File(url).isEmpty() || JdbcUrls.hasSetting(url, "WRITE_DELAY")) {
            return url;
        }
        return url + ";" + WRITE_EVERY_COMMIT;
    }

    /**
     * True when every commit of this H2 file URL is written before it returns ({@code WRITE_DELAY=0}): then H2 runs no
     * background writer, and {@link EmbeddedH2Housekeeping} must compact the file instead.
     */
    static boolean writesEveryCommit(String url) {
        return JdbcUrls.h2File(url).isPresent() && JdbcUrls.setting(url, "WRITE_DELAY").filter("0"::equals).isPresent();
    }

    /** Creates the database's folder owner-only when it does not exist yet (an existing folder is left as it is). */
    static void createOwnerOnlyFolder(Path baseFile) {
        Path folder = baseFile.getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        try {
            if (posix()) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the database folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Restricts the database's files ({@code <name>.mv.db}, {@code <name>.lock.db}, {@code <name>.trace.db}) to the owner. */
    static void restrictFilesToOwner(Path baseFile) {
        Path folder = baseFile.getParent();
        if (folder == null || !posix()) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, baseFile.getFileName() + ".*")) {
            for (Path file : files) {
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            }
        } catch (IOException e) {
            throw new StoreException("cannot make the database files in " + folder + " owner-only: " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
