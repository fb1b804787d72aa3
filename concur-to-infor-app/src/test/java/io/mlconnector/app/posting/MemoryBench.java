package io.mlconnector.app.posting;

import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.mapping.fixtures.LargeExpenseReport;
import org.junit.jupiter.api.Test;

import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time and peak heap of mapping and splitting reports of 1k, 10k and 50k GL lines. Not part of the default suite (the
 * name does not end in Test); run it with {@code -Dtest=MemoryBench} (set {@code -DargLine=-Xmx...} to try a heap).
 * It prints figures and asserts only correctness, never speed or size. The peak is the sum of the heap pools' peak
 * usage since the run started, after a GC: an upper bound of what the document needed, garbage included. What stays
 * is the heap in use after a full GC while the fetched FIS document, the mapped document and its plan are referenced,
 * then with the FIS document reduced to its envelope as the route keeps it once mapped: what a worker holds while it
 * posts the chunks.
 */
class MemoryBench {
    /** Entries per report: the default mapping gives about 2.5 GL lines per generated entry. */
    private static final List<Integer> ENTRIES = List.of(400, 4_000, 20_000);

    @Test
    void timeAndPeakHeapPerReportSize() {
        Mapping mapping = Mapping.defaultMapping();
        ChunkPlanner planner = new ChunkPlanner(new ChunkLimits(500, 5L * 1024 * 1024), ChunkSizeEstimator.rough());
        planner.plan(mapping.map(LargeExpenseReport.generate("w0000000000000000000000000000001", 100, 1)));
        for (int entries : ENTRIES) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();

            FisDocument fis = LargeExpenseReport.generate("m0000000000000000000000000000001", entries, entries);
            AccountingDocument document = mapping.map(fis);
            PostingPlan plan = planner.plan(document);

            double millis = (System.nanoTime() - started) / 1e6;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "%,d GL lines (%,d entries): map + split into %d chunks in %.0f ms, peak heap "
                            + "%.1f MB (%.1f MB above the heap before), max heap %.0f MB%n", document.glLines().size(),
                    entries, plan.glChunks().size(), millis, peak / 1e6, (peak - before) / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
            assertThat(plan.glChunks()).allSatisfy(c -> assertThat(Balances.isBalanced(c.lines())).isTrue());

            long withFis = retainedAbove(heap, before);
            FisDocument envelope = fis.withoutContent();
            Reference.reachabilityFence(fis);
            fis = null;
            long posting = retainedAbove(heap, before);
            int lines = document.glLines().size();
            System.out.printf(Locale.ROOT, "  kept after GC while posting (mapped document, plan, FIS envelope): %.1f MB "
                            + "(%,d bytes per GL line); the fetched FIS document, dropped once mapped: %.1f MB (%,d "
                            + "bytes per GL line)%n", posting / 1e6, posting / lines, (withFis - posting) / 1e6,
                    (withFis - posting) / lines);
            Reference.reachabilityFence(envelope);
            Reference.reachabilityFence(plan);
            Reference.reachabilityFence(document);
        }
    }

    /** Heap in use after a full collection, above {@code before}: what the live objects hold. */
    private static long retainedAbove(List<MemoryPoolMXBean> heap, long before) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum());
        }
        return used - before;
    }
}
