package io.mlconnector.app.store;

import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default database: durable settings, a file in proportion to its data, owner-only files, and what the
 * start-up log says about it.
 */
class EmbeddedDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theDatabaseFolderAndFilesAreOwnerOnly() throws Exception {
        // given the default URL shape, in a folder that does not exist yet
        Path folder = dir.resolve("data");
        String url = "jdbc:h2:file:" + folder.resolve("ml-connector") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        // when
        try (Database db = Database.open(DatabaseSettings.of(url, "", ""))) {
            // then nobody but the owner can read the folder or the files (the token store, the auto-server key)
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("ml-connector.mv.db", "ml-connector.lock.db");
            for (Path file : files) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void everyCommitIsWrittenBeforeItReturnsAndTheLogSaysSingleInstance() throws Exception {
        // given
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("x") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        // when
        try (Database db = Database.open(DatabaseSettings.of(url, "", ""));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            // then
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0");
            assertThat(db.description()).contains("embedded H2 file database").contains(dir.toString())
                    .contains("single instance");
        }
    }

    @Test
    void theFileComesBackToASmallMultipleOfItsDataWhileTheDatabaseStaysOpen() throws Exception {
        // given the default URL, and 400 webhook events of ~2 KB taken through the writes of a posted document (each
        // commit written at once: without compaction this left about 200 KB of file per event)
        Path folder = dir.resolve("data");
        String url = DatabaseSettings.embeddedH2Url(folder.resolve("ml-connector")) + ";AUTO_SERVER=TRUE";
        try (Store store = new Store(Database.open(DatabaseSettings.of(url, "", "")), Clock.systemUTC(),
                new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMinutes(15)))) {
            Intake intake = new Intake(store);
            long bodyBytes = 0;
            for (int i = 0; i < 400; i++) {
                bodyBytes += PostedEventWrites.post(store, intake, i);
            }
            // when the retention job clears their bodies
            assertThat(new Retention(store, Clock.systemUTC()).purge(Duration.ZERO, Duration.ZERO).inboxBodies())
                    .isEqualTo(400);
            // then, while the database stays open, the file shrinks below three times the bytes of the events it took in
            long bound = 3 * bodyBytes;
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(filesSize(folder)).isLessThan(bound));
        }
    }

    @Test
    void anOperatorsOwnWriteDelayIsKept() {
        assertThat(EmbeddedH2.durable("jdbc:h2:file:./d/x;WRITE_DELAY=100")).isEqualTo("jdbc:h2:file:./d/x;WRITE_DELAY=100");
        assertThat(EmbeddedH2.durable("jdbc:h2:./d/x")).isEqualTo("jdbc:h2:./d/x;WRITE_DELAY=0");
        assertThat(EmbeddedH2.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(EmbeddedH2.durable("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    private static long filesSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
