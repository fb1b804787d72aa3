package io.mlconnector.examples;

import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.concur.api.FisJournalLine;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.FisState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** examples/fis-expense-journal-csv against the Concur sandbox. */
class FisExpenseJournalCsvTest {
    private static final String ROUTE = "fis-expense-journal-csv";

    @TempDir
    Path journal;

    private ConcurSandbox concur;

    @BeforeEach
    void startSandbox() {
        concur = ConcurSandbox.start();
    }

    @AfterEach
    void stopSandbox() {
        concur.close();
    }

    @Test
    void approvedReportsBecomeOneCsvRowPerJournalLineAndAreAcknowledgedOnce() throws Exception {
        // given two approved expense reports waiting in FIS, and one not yet approved
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(11);
        String first = concur.fis().add("expense", generator.expenseReport(2));
        String second = concur.fis().add("expense", generator.expenseReport(3));
        String draft = concur.fis().add("expense", generator.expenseReport(1));
        concur.fis().approve(first);
        concur.fis().approve(second);

        // when the example runs twice
        try (ExampleFlow flow = ExampleFlow.start("fis-expense-journal-csv", sandbox(2))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> flow.completed(ROUTE) + flow.failed(ROUTE) == 2);
            assertThat(flow.failed(ROUTE)).isZero();
        }

        // then both approved reports are acknowledged, the draft is untouched
        assertThat(concur.fis().state(first)).isEqualTo(FisState.ACKNOWLEDGED);
        assertThat(concur.fis().state(second)).isEqualTo(FisState.ACKNOWLEDGED);
        assertThat(concur.fis().acknowledgements(first)).hasSize(1);
        assertThat(concur.fis().state(draft)).isNotEqualTo(FisState.ACKNOWLEDGED);

        // and the day's file has one row per journal line of the two reports, exported once, with its amount
        List<String[]> rows = rows();
        assertThat(rows).extracting(r -> r[0]).containsOnly(first, second);
        assertThat(rows).filteredOn(r -> r[0].equals(first)).hasSize(journalLines(first).size());
        assertThat(rows).filteredOn(r -> r[0].equals(second)).hasSize(journalLines(second).size());
        BigDecimal exported = rows.stream().filter(r -> r[0].equals(second)).map(r -> new BigDecimal(r[5]))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal inConcur = journalLines(second).stream().map(FisJournalLine::amountNet)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(exported).isEqualByComparingTo(inConcur);
        assertThat(rows).allSatisfy(r -> assertThat(r[4]).as("GL account").isNotBlank());
    }

    private List<FisJournalLine> journalLines(String fisId) {
        return FisDocument.read(concur.fis().document(fisId), "expense").journalLines();
    }

    private List<String[]> rows() throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            List<Path> csv = files.filter(f -> f.getFileName().toString().startsWith("expense-journal-")).toList();
            assertThat(csv).hasSize(1);
            return Files.readAllLines(csv.get(0)).stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                    .toList();
        }
    }

    private Map<String, String> sandbox(int runs) {
        return Map.of("camel.component.concur.client-id", concur.clientId(),
                "camel.component.concur.client-secret", concur.clientSecret(),
                "camel.component.concur.company-id", concur.companyId(),
                "camel.component.concur.request-token", concur.newCompanyRequestToken(),
                "camel.component.concur.auth-base-uri", concur.glzUri().toString(),
                "journal.directory", journal.toString(),
                "journal.runs", Integer.toString(runs),
                "journal.period", "500");
    }
}
