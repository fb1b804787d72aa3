package io.mlconnector.app.crash;

import io.mlconnector.app.mapping.fixtures.LargeExpenseReport;
import io.mlconnector.sandbox.concur.FisState;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Memory follows a chunk, not a document: the app, a child JVM started with {@code -Xmx256m}, fetches, maps,
 * validates, splits and posts an expense report of 4,000 entries (more than 10,000 GL lines).
 */
class LargeDocumentMemoryTest {
    @Test
    void aTenThousandLineReportIsPostedWithA256MegabyteHeap() throws Exception {
        try (CrashLab lab = CrashLab.start("memory", CrashLab.DatabaseKind.H2)) {
            // given
            String docId = lab.concur().fis().add("expense",
                    LargeExpenseReport.generate("unused", 4_000, 20261206L).json());
            AppProcess app = lab.app("app", Duration.ofSeconds(30)).maxHeap("256m");
            app.start();
            // when
            lab.concur().fis().approve(docId);
            // then (a liveness bound, not a speed target)
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> lab.concur().fis().state(docId) == FisState.POSTED || !app.isAlive());
            assertThat(app.isAlive()).as("the app is still running:\n%s", app.logTail(30)).isTrue();
            assertThat(lab.concur().fis().state(docId)).isEqualTo(FisState.POSTED);
            long chunks = lab.infor().messages().stream().map(m -> m.messageId()).distinct().count();
            assertThat(chunks).as("ION messages of the split report").isGreaterThan(20);
            assertThat(Files.readString(app.log())).doesNotContain("OutOfMemoryError");
            app.stop();
            lab.passed();
        }
    }
}
