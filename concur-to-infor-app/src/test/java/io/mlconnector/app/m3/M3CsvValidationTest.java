package io.mlconnector.app.m3;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.store.ExceptionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code infor.validation-source=CSV}: GL accounts and cost centers are checked against the snapshot, not M3. */
class M3CsvValidationTest {
    @TempDir
    Path dir;

    @Test
    void costCenterMissingFromTheCsvSnapshotRejectsTheDocumentAndNothingIsPosted() throws IOException {
        Path csv = dir.resolve("chart.csv");
        try (M3Harness h = new M3Harness(dir, Map.of("infor.validation-source", "CSV",
                "infor.chart-of-accounts-csv", csv.toString()))) {
            // given a document whose cost center M3 knows but the configured CSV snapshot does not
            String docId = h.concur.fis().seedPublishedSamples().get(0);
            String costCenter = h.mapped(docId).costCenters().iterator().next();
            h.infor.chart().exportCsv(csv);
            List<String> rows = Files.readAllLines(csv).stream()
                    .filter(row -> !row.contains(",COST_CENTER," + costCenter + ",")).toList();
            Files.write(csv, rows);
            assertThat(rows).hasSizeLessThan(Files.readAllLines(h.infor.chart().exportCsv(dir.resolve("full.csv"))).size());

            // when
            h.start().approveAndAwaitConfirmations(List.of(docId));

            // then Concur gets an error naming the cost center, a finance user an exception record, M3 nothing
            JsonNode confirmation = h.concur.fis().postingConfirmations(docId).get(0);
            assertThat(confirmation.path("overallPostingStatusCode").asText()).isEqualTo("error");
            assertThat(confirmation.path("systemMessages").toString()).contains("cost center " + costCenter);
            assertThat(h.store.exceptions().forDocument(docId)).singleElement()
                    .satisfies(r -> assertThat(r.codes()).containsExactly(costCenter));
            assertThat(h.infor.m3().executedTransactions())
                    .as("validated from the CSV, not CRS630MI, and nothing sent to APS450MI").isEmpty();
            assertThat(h.store.ledger().forDocument(docId)).isEmpty();
        }
    }
}
