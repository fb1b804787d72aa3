package io.mlconnector.app.store;

import io.mlconnector.app.config.JdbcUrls;
import org.h2.api.ErrorCode;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.DbException;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded H2 file in proportion to its data while the app runs: the work H2's background writer would do,
 * had {@code WRITE_DELAY=0} not switched it off.
 *
 * <p>Why it is needed: H2's MVStore never overwrites live data: every store appends a chunk with the pages that
 * changed, and a chunk's space is reused only once none of its pages is live. The store's background writer thread
 * re-writes the few live pages of sparse chunks so that those chunks die; {@code WRITE_DELAY} is that thread's delay,
 * and with 0 H2 does not start it (each commit is stored before it returns instead). Nothing then freed old chunks,
 * and the file grew by about 200 KB per 2 KB webhook event. See "File Format" and "Compacting" in
 * https://h2database.com/html/mvstore.html and {@code WRITE_DELAY} in https://h2database.com/html/commands.html.
 *
 * <p>Every {@link #PERIOD}, on its own daemon thread, this task calls the MVStore's public API as that thread does:
 * {@link MVStore#compact(int, int)} re-writes the live pages of the sparsest chunks (in steps of
 * {@link #REWRITE_BYTES}, for at most {@link #REWRITE_TIME}) and the commit stores them;
 * {@link RandomAccessStore#compactMoveChunks} moves chunks into free space near the start so that the file shrinks.
 * Transactions go on meanwhile: pages are re-written copy-on-write, and a chunk is overwritten only when no open
 * transaction's version still reads it.
 *
 * <p>A dead chunk's space is reused only once the chunk is older than the store's retention time (45 s by default),
 * which H2 documents as safe when the file system has flushed its buffers within that time
 * ({@code RETENTION_TIME} in https://h2database.com/html/commands.html). At dozens of commits per second 45 s of
 * chunks made up most of the file. So each run first forces the file to disk ({@link MVStore#sync()}), and the
 * retention time is {@link #RETENTION}, four runs, unless the URL sets {@code RETENTION_TIME} itself. A kill -9 loses
 * nothing either way: what was written is in the operating system's cache.
 */
final class EmbeddedH2Housekeeping implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(500);
    static final Duration RETENTION = Duration.ofSeconds(2);
    /** Re-write chunks while less than this share of their space holds live pages (H2's AUTO_COMPACT_FILL_RATE default is 90). */
    static final int TARGET_FILL_RATE = 80;
    /** Live bytes re-written per {@link MVStore#compact} call, and time for such calls per run, so commits wait little. */
    private static final int REWRITE_BYTES = 4 << 20;
    private static final Duration REWRITE_TIME = Duration.ofMillis(200);
    /** Bytes of chunks moved towards the start of the file per run (H2's own writer moves up to twice its write buffer). */
    private static final long MOVE_BYTES = 8 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2Housekeeping.class);

    private final DataSource dataSource;
    private final boolean setsRetention;
    private final ScheduledExecutorService thread;
    private volatile String lastFailure = "";

    private EmbeddedH2Housekeeping(DataSource dataSource, boolean setsRetention, ScheduledExecutorService thread) {
        this.dataSource = dataSource;
        this.setsRetention = setsRetention;
        this.thread = thread;
    }

    /** Starts the periodic housekeeping of the H2 file behind {@code dataSource} (the JDBC URL is {@code url}). */
    static EmbeddedH2Housekeeping start(DataSource dataSource, String url) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ml-connector-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        EmbeddedH2Housekeeping housekeeping = new EmbeddedH2Housekeeping(dataSource,
                !JdbcUrls.hasSetting(url, "RETENTION_TIME"), thread);
        thread.scheduleWithFixedDelay(housekeeping::runOnce, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /**
     * One run: forces the file to disk, re-writes sparsely filled chunks and moves chunks towards the start of the
     * file. Does nothing when this process does not own the file (another process serves it through the
     * auto-server). Never throws: a failed run is logged once and the next run tries again.
     */
    void runOnce() {
        try (Connection c = dataSource.getConnection()) {
            // holding the connection keeps H2 from closing the database under the running compaction
            store(c).ifPresent(this::compact);
            lastFailure = "";
        } catch (SQLException | RuntimeException e) {
            if (databaseClosed(e)) {
                // on SIGTERM H2's own shutdown hook closes the database before the app's hook stops this task
                return;
            }
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                LOG.warn("embedded H2 housekeeping failed (the file may grow until it succeeds): {}",
                        JdbcUrls.maskedIn(failure));
                lastFailure = failure;
            }
        }
    }

    private void compact(MVStore store) {
        if (store.isClosed() || store.isReadOnly()) {
            return;
        }
        if (setsRetention && store.getRetentionTime() != RETENTION.toMillis()) {
            store.setRetentionTime((int) RETENTION.toMillis());
        }
        long started = System.nanoTime();
        store.sync();
        // each call re-writes the live pages of the sparsest chunks; they are stored by the commit, after which the
        // old chunks hold no live page and their space is freed once older than the retention time
        while (store.compact(TARGET_FILL_RATE, REWRITE_BYTES)) {
            store.commit();
            if (System.nanoTime() - started > REWRITE_TIME.toNanos()) {
                break;
            }
        }
        FileStore<?> file = store.getFileStore();
        if (file instanceof RandomAccessStore randomAccess && file.getFillRate() < TARGET_FILL_RATE) {
            randomAccess.compactMoveChunks(TARGET_FILL_RATE, MOVE_BYTES, store);
        }
    }

    private static boolean databaseClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int code = t instanceof SQLException sql ? sql.getErrorCode()
                    : t instanceof DbException db ? db.getErrorCode() : 0;
            if (code == ErrorCode.DATABASE_IS_CLOSED || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                return true;
            }
        }
        return false;
    }

    private static Optional<MVStore> store(Connection c) throws SQLException {
        Session session = c.unwrap(JdbcConnection.class).getSession();
        if (session instanceof SessionLocal local && local.getDatabase().getStore() != null) {
            return Optional.of(local.getDatabase().getStore().getMvStore());
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        // no interrupt: an interrupted thread's file channel is closed by the JDK, and H2 would take that as a failure
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
