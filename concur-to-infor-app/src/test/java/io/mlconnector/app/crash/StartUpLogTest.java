package io.mlconnector.app.crash;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator reads in the start-up log of the app (a real child JVM) about its database. */
class StartUpLogTest {

    @Test
    void theStartUpLogNamesTheEmbeddedDatabaseAndThatItServesOneInstance() throws Exception {
        try (CrashLab lab = CrashLab.start("startup-log", CrashLab.DatabaseKind.H2)) {
            // given the app on the embedded default database
            AppProcess app = lab.app("app", Duration.ofSeconds(30));
            // when it starts
            app.start();
            // then its "started" line (written once the listeners are up) names the H2 file and says that one app
            // process works on it
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readAllLines(app.log()).stream()
                    .anyMatch(line -> line.contains(" started: webhook on ")));
            List<String> log = Files.readAllLines(app.log());
            assertThat(log).filteredOn(line -> line.contains(" started: webhook on "))
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("database: embedded H2 file database ")
                            .contains(".mv.db")
                            .contains("single instance: one app process works on it"));
            app.stop();
            lab.passed();
        }
    }
}
