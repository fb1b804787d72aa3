package io.mlconnector.examples;

import io.mlconnector.sandbox.infor.ImsMessage;
import io.mlconnector.sandbox.infor.InforSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** examples/journal-file-to-ion against the Infor sandbox. */
class JournalFileToIonTest {
    private static final String ROUTE = "journal-file-to-ion";

    @TempDir
    Path inbox;

    private InforSandbox infor;

    @BeforeEach
    void startSandbox() {
        infor = InforSandbox.start();
    }

    @AfterEach
    void stopSandbox() {
        infor.close();
    }

    @Test
    void balancedJournalFileIsPostedAsOneSyncSourceSystemJournalEntry() throws Exception {
        // given a payroll accrual journal dropped into the inbox
        Files.writeString(inbox.resolve("payroll-2026-11.json"), journal("PAYROLL-2026-11", "1500.00", "1500.00"));

        // when the example picks it up
        try (ExampleFlow flow = ExampleFlow.start("journal-file-to-ion", sandbox())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> flow.completed(ROUTE) + flow.failed(ROUTE) == 1);
        }

        // then ION holds one Sync.SourceSystemJournalEntry with the journal's lines, and the file is filed as posted
        assertThat(infor.messages()).hasSize(1);
        ImsMessage bod = infor.messages().get(0);
        assertThat(bod.documentName()).isEqualTo("Sync.SourceSystemJournalEntry");
        assertThat(bod.fromLogicalId()).isEqualTo(infor.connectionPointLogicalId());
        assertThat(bod.payloadString()).contains("PAYROLL-2026-11", "6100", "2400", "1500.00");
        assertThat(inbox.resolve(".posted/payroll-2026-11.json")).exists();
    }

    @Test
    void unbalancedJournalFileIsSetAsideAndNothingIsPosted() throws Exception {
        // given a journal whose debits and credits differ
        Files.writeString(inbox.resolve("broken.json"), journal("BROKEN-1", "1500.00", "1400.00"));

        // when the example picks it up
        try (ExampleFlow flow = ExampleFlow.start("journal-file-to-ion", sandbox())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> flow.completed(ROUTE) + flow.failed(ROUTE) == 1);
        }

        // then ION got nothing, and the file is kept in .failed for someone to fix
        assertThat(infor.messages()).isEmpty();
        assertThat(inbox.resolve(".failed/broken.json")).exists();
        assertThat(inbox.resolve("broken.json")).doesNotExist();
    }

    private static String journal(String documentId, String debit, String credit) {
        return """
                {
                  "accountingEntity": "100",
                  "documentId": "%s",
                  "variationId": 1,
                  "currency": "EUR",
                  "postingDate": "2026-11-30",
                  "description": "Payroll accrual November",
                  "lines": [
                    {"glAccount": "6100", "costCenter": "CC-200", "amount": %s, "side": "DEBIT",
                     "description": "Salaries"},
                    {"glAccount": "2400", "amount": %s, "side": "CREDIT", "description": "Accrued payroll"}
                  ]
                }
                """.formatted(documentId, debit, credit);
    }

    private Map<String, String> sandbox() {
        return Map.of("camel.component.infor-ion.ionapi-file", infor.ionapiFile().toAbsolutePath().toString(),
                "camel.component.infor-ion.from-logical-id", infor.connectionPointLogicalId(),
                "journal.inbox", inbox.toString());
    }
}
