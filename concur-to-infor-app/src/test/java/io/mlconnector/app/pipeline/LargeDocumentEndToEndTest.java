package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.fixtures.FisDocuments;
import io.mlconnector.app.mapping.fixtures.LargeExpenseReport;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.infor.InforSandboxSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A 5,000-entry expense report through the real app and an ION that refuses anything over 256 KiB. */
class LargeDocumentEndToEndTest extends EndToEndTest {
    private static final int MAX_BYTES = 256 * 1024;

    @Test
    void aFiveThousandLineReportIsPostedAsBalancedChunksUnderIonsLimitThatAddUpToTheDocument() {
        // given ION's size limit at 256 KiB (413 above it), the app told the same and at most 800 lines per journal
        start(app -> app.infor(InforSandboxSettings.defaults().withMaxMessageBytes(MAX_BYTES))
                .config("infor.max-message-bytes", Integer.toString(MAX_BYTES))
                .config("infor.max-lines-per-chunk", "800"));
        JsonNode report = LargeExpenseReport.generate("unused", 5_000, 5_000L).json();
        String docId = harness.concur.fis().add("expense", report);

        // when Concur approves it
        harness.approve(docId);
        harness.awaitFisState(docId, FisState.POSTED);

        // then ION received several journal entries, each balanced, within both limits, and together worth the report
        List<RecordedBod> bods = harness.messagesOf(docId).stream().map(RecordedBod::parse).toList();
        List<RecordedBod> journals = bods.stream().filter(RecordedBod::isJournalEntry).toList();
        assertThat(journals).hasSizeGreaterThan(1);
        assertThat(bods).allSatisfy(bod -> assertThat(bod.message().payload().length).as(bod.documentId())
                .isLessThanOrEqualTo(MAX_BYTES));
        assertThat(journals).allSatisfy(bod -> {
            assertThat(bod.debits()).as(bod.documentId()).isEqualByComparingTo(bod.credits());
            assertThat(bod.lines()).hasSizeLessThanOrEqualTo(800);
        });
        BigDecimal expenses = journals.stream().flatMap(b -> b.lines().stream())
                .filter(l -> l.glAccount().startsWith("6") || l.glAccount().equals("2310"))
                .map(RecordedBod.Line::signed).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(expenses).isEqualByComparingTo(FisDocuments.journalTotal("expense", report));
        assertThat(expenses).isEqualByComparingTo(report.path("report").path("totalApprovedAmount").decimalValue());
        // and Concur's one success confirmation names every journal chunk
        assertThat(harness.concur.fis().postingConfirmations(docId)).singleElement().satisfies(c ->
                assertThat(c.path("postingDocs").findValuesAsText("documentNumber"))
                        .containsExactlyInAnyOrderElementsOf(journals.stream().map(RecordedBod::documentId).toList()));
    }
}
