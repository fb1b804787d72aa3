package io.mlconnector.app.posting;

import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import io.mlconnector.app.mapping.fixtures.LargeExpenseReport;
import io.mlconnector.infor.api.DebitCredit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChunkPlannerTest {
    private static final String LARGE_ID = "5a5e000000000000000000000000beef";
    private static final Mapping MAPPING = Mapping.defaultMapping();
    private static final ChunkSizeEstimator ESTIMATOR = ChunkSizeEstimator.rough();

    @Test
    void fiveThousandLineReportSplitsIntoBalancedChunksUnderTheLimits() {
        // given a report that maps to more than 5,000 GL lines
        AccountingDocument document = MAPPING.map(LargeExpenseReport.generate(LARGE_ID, 2_000, 42));
        assertThat(document.glLines()).hasSizeGreaterThanOrEqualTo(5_000);
        ChunkLimits limits = new ChunkLimits(500, 300_000);

        // when
        PostingPlan plan = new ChunkPlanner(limits, ESTIMATOR).plan(document);

        // then every chunk balances and respects both limits
        List<PostingChunk> chunks = plan.glChunks();
        assertThat(chunks).hasSizeGreaterThan(10);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(Balances.debits(chunk.lines())).isEqualByComparingTo(Balances.credits(chunk.lines()));
            assertThat(chunk.lines()).hasSizeLessThanOrEqualTo(limits.maxLines());
            assertThat(ESTIMATOR.estimateBytes(chunk)).isLessThanOrEqualTo(limits.maxBytes());
        });
        // and together they are exactly the document, in order, numbered 1..m
        assertThat(chunks.stream().flatMap(c -> c.lines().stream()).toList()).isEqualTo(document.glLines());
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).id()).isEqualTo("concur-" + LARGE_ID + "-gl-" + (i + 1) + "-of-" + chunks.size());
            assertThat(chunks.get(i).number()).isEqualTo(i + 1);
            assertThat(chunks.get(i).count()).isEqualTo(chunks.size());
        }
        assertEachAllocationInOneChunk(chunks);
    }

    @Test
    void sizeLimitAloneSplitsTheDocument() {
        // given a line limit that never bites and a 100 kB size limit
        AccountingDocument document = MAPPING.map(LargeExpenseReport.generate(LARGE_ID, 300, 7));
        ChunkLimits limits = new ChunkLimits(100_000, 100_000);

        // when
        List<PostingChunk> chunks = new ChunkPlanner(limits, ESTIMATOR).plan(document).glChunks();

        // then
        assertThat(chunks).hasSizeGreaterThan(1)
                .allSatisfy(c -> assertThat(ESTIMATOR.estimateBytes(c)).isLessThanOrEqualTo(limits.maxBytes()));
        assertEachAllocationInOneChunk(chunks);
    }

    @Test
    void chunksStayUnderTheLimitEvenWhenSizeGrowsFasterThanTheLines() {
        // given an estimator that is not additive (size grows with the square of the line count)
        ChunkSizeEstimator quadratic = c -> 1_000 + 10L * c.lines().size() * c.lines().size();
        AccountingDocument document = MAPPING.map(LargeExpenseReport.generate(LARGE_ID, 500, 3));
        ChunkLimits limits = new ChunkLimits(10_000, 500_000);

        // when
        List<PostingChunk> chunks = new ChunkPlanner(limits, quadratic).plan(document).glChunks();

        // then
        assertThat(chunks).allSatisfy(c -> {
            assertThat(quadratic.estimateBytes(c)).isLessThanOrEqualTo(limits.maxBytes());
            assertThat(Balances.isBalanced(c.lines())).isTrue();
        });
        assertThat(chunks.stream().mapToInt(c -> c.lines().size()).sum()).isEqualTo(document.glLines().size());
    }

    @Test
    void retryingAPlanGivesTheSameChunksAndIds() {
        // given the same FIS document mapped and planned twice (a retry after a crash)
        ChunkPlanner planner = new ChunkPlanner(new ChunkLimits(200, 1_000_000), ESTIMATOR);

        // when
        PostingPlan first = planner.plan(MAPPING.map(LargeExpenseReport.generate(LARGE_ID, 400, 9)));
        PostingPlan second = planner.plan(MAPPING.map(LargeExpenseReport.generate(LARGE_ID, 400, 9)));

        // then
        assertThat(second.chunks()).extracting(PostingChunk::id)
                .containsExactlyElementsOf(first.chunks().stream().map(PostingChunk::id).toList())
                .doesNotHaveDuplicates();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void smallDocumentIsOneGlChunkThenItsApInvoice() {
        // given use case 3.1 (325 USD owed to the employee)
        AccountingDocument document = MAPPING.map(
                FisSamples.named("fis-expense-use-case-3.1-itemized-expense.json").fis());

        // when
        PostingPlan plan = new ChunkPlanner(ChunkLimits.DEFAULT, ESTIMATOR).plan(document);

        // then
        assertThat(plan.chunks()).extracting(PostingChunk::id).containsExactly(
                "concur-c6fdf05516374771bbec427e4d0901e5-gl-1-of-1",
                "concur-c6fdf05516374771bbec427e4d0901e5-ap-1-of-1");
        PostingChunk ap = plan.apChunk().orElseThrow();
        assertThat(ap.kind()).isEqualTo(PostingKind.AP);
        assertThat(ap.payable().orElseThrow().amount()).isEqualByComparingTo("325");
        assertThat(plan.glChunks().get(0).lines()).isEqualTo(document.glLines());
    }

    @Test
    void allocationLargerThanTheLimitIsRefusedNotCut() {
        // given use case 2.1, whose only allocation has 3 lines (expense, VAT, credit)
        AccountingDocument document = MAPPING.map(
                FisSamples.named("fis-expense-use-case-2.1-single-tax-item.json").fis());

        // when
        ChunkingException e = catchThrowableOfType(ChunkingException.class,
                () -> new ChunkPlanner(new ChunkLimits(2, 1_000_000), ESTIMATOR).plan(document));

        // then
        assertThat(e.fisDocumentId()).isEqualTo("f7a675d035bc44419cc0df2389c5b10c");
        assertThat(e.getMessage()).contains("2C14A4301BD26741B724", "3 lines");
    }

    @Test
    void summarisedCreditSideKeepsTheDocumentInOneBalancedPiece() {
        // given ten debits in their own groups and one summarised credit: no cut in between would balance
        List<GlLine> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(line("6100", "10.00", DebitCredit.DEBIT, "g" + i));
        }
        lines.add(line("2100", "100.00", DebitCredit.CREDIT, "summary"));
        AccountingDocument document = document("0000000000000000000000000000cafe", lines);

        // when / then: it fits in one chunk, and is refused rather than split unbalanced when it does not
        assertThat(new ChunkPlanner(new ChunkLimits(11, 1_000_000), ESTIMATOR).plan(document).glChunks())
                .singleElement().satisfies(c -> assertThat(c.lines()).hasSize(11));
        assertThat(catchThrowableOfType(ChunkingException.class,
                () -> new ChunkPlanner(new ChunkLimits(5, 1_000_000), ESTIMATOR).plan(document)))
                .hasMessageContaining("0000000000000000000000000000cafe");
    }

    private static void assertEachAllocationInOneChunk(List<PostingChunk> chunks) {
        Map<String, String> chunkOfGroup = new HashMap<>();
        for (PostingChunk chunk : chunks) {
            for (GlLine line : chunk.lines()) {
                String earlier = chunkOfGroup.putIfAbsent(line.groupKey(), chunk.id());
                assertThat(earlier == null || earlier.equals(chunk.id()))
                        .as("allocation %s split across %s and %s", line.groupKey(), earlier, chunk.id()).isTrue();
            }
        }
    }

    static GlLine line(String account, String amount, DebitCredit side, String group) {
        return new GlLine(account, null, new BigDecimal(amount), side, "USD", "test", "entry-" + group, group, group,
                side == DebitCredit.DEBIT ? LineRole.EXPENSE : LineRole.CREDIT_SIDE);
    }

    static AccountingDocument document(String id, List<GlLine> lines) {
        return new AccountingDocument(id, "expense", "REPORT1", "100", "USD", LocalDate.of(2026, 11, 28), "test",
                lines, Optional.empty());
    }
}
