package io.mlconnector.app.posting;

import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.mapping.fixtures.LargeExpenseReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of mapping and splitting a report of 5,000+ GL lines. Not part of the default suite (the name does not
 * end in Test); run it with {@code -Dtest=MappingBench}. It prints figures and asserts only correctness, never speed.
 */
class MappingBench {
    private static final int ROUNDS = 5;

    @Test
    void mapAndSplitAFiveThousandLineReport() {
        run("tables only", Mapping.defaultMapping());
    }

    @Test
    void mapAndSplitAFiveThousandLineReportWithJsonataExpressions() {
        String yaml = Mapping.defaultMappingText()
                .replace("descriptions: {}", "descriptions:\n  line: \"entry.expenseTypeName & ' ' & entry.entryVendorDescription\"")
                .replace("  lookupOrder: [expenseType, journalAccountCode]",
                        "  lookupOrder: [expenseType, journalAccountCode]\n  expression: \"entry.entryCountryCode = 'DE' ? '6125'\"");
        run("with JSONata", Mapping.parse(yaml, "bench.yaml", java.time.Clock.systemUTC()));
    }

    private static void run(String label, Mapping mapping) {
        // given
        FisDocument fis = LargeExpenseReport.generate("b0000000000000000000000000000001", 2_000, 1);
        ChunkPlanner planner = new ChunkPlanner(new ChunkLimits(1_000, 4L * 1024 * 1024), ChunkSizeEstimator.rough());
        for (int i = 0; i < 3; i++) {
            planner.plan(mapping.map(fis));
        }

        // when
        long mapNanos = 0;
        long planNanos = 0;
        AccountingDocument document = null;
        PostingPlan plan = null;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            document = mapping.map(fis);
            long mapped = System.nanoTime();
            plan = planner.plan(document);
            mapNanos += mapped - start;
            planNanos += System.nanoTime() - mapped;
        }

        // then
        int lines = document.glLines().size();
        System.out.printf(label + " mapping: %d lines in %.1f ms (%.0f lines/s); splitting into %d chunks: %.1f ms (%.0f lines/s)%n",
                lines, mapNanos / 1e6 / ROUNDS, lines * ROUNDS / (mapNanos / 1e9), plan.glChunks().size(),
                planNanos / 1e6 / ROUNDS, lines * ROUNDS / (planNanos / 1e9));
        assertThat(lines).isGreaterThanOrEqualTo(5_000);
        assertThat(plan.glChunks()).allSatisfy(c -> assertThat(Balances.isBalanced(c.lines())).isTrue());
    }
}
