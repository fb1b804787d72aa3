package io.mlconnector.app.posting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits an {@link AccountingDocument} into chunks that each balance, stay under {@link ChunkLimits} and keep an
 * allocation's lines together.
 *
 * <p>How chunks balance without a suspense line: the mapper writes each allocation's debits together with its share
 * of the credit side under one group key, so every group balances by itself. The planner cuts only between
 * <em>balanced runs</em>: consecutive groups whose running balance returns to zero (normally one group each). A
 * document whose credit side was summarised into one line forms a single run and is not split; if that run exceeds
 * the limits the planner refuses with {@link ChunkingException} rather than invent a clearing line.
 *
 * <p>Packing is greedy in document order, so the same document always gives the same chunks and ids. Sizes are first
 * estimated per run (estimate with the run minus estimate of an empty chunk); every finished chunk is then measured
 * whole and, should the estimator not be additive, split further.
 */
public final class ChunkPlanner {
    private final ChunkLimits limits;
    private final ChunkSizeEstimator estimator;

    public ChunkPlanner(ChunkLimits limits, ChunkSizeEstimator estimator) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    /**
     * @return the GL chunks (numbered 1..m, ids {@code concur-<fisDocId>-gl-<n>-of-<m>}) and the AP chunk
     *         ({@code concur-<fisDocId>-ap-1-of-1}) when the document has a payable
     * @throws ChunkingException when one balanced run alone exceeds the limits
     */
    public PostingPlan plan(AccountingDocument document) {
        PostingChunk template = chunk(document, PostingKind.GL, 1, 1, List.of());
        List<List<GlLine>> packed = new ArrayList<>();
        for (List<GlLine> chunkLines : pack(document, template, balancedRuns(document))) {
            packed.addAll(splitUntilUnderSize(document, template, chunkLines));
        }
        List<PostingChunk> glChunks = new ArrayList<>();
        for (int i = 0; i < packed.size(); i++) {
            glChunks.add(chunk(document, PostingKind.GL, i + 1, packed.size(), packed.get(i)));
        }
        Optional<PostingChunk> ap = document.payable().map(p -> apChunk(document, p));
        return new PostingPlan(document.fisDocumentId(), glChunks, ap);
    }

    /** Groups in first-appearance order, then merged until the running balance returns to zero. */
    static List<List<GlLine>> balancedRuns(AccountingDocument document) {
        Map<String, List<GlLine>> groups = new LinkedHashMap<>();
        for (GlLine line : document.glLines()) {
            groups.computeIfAbsent(line.groupKey(), k -> new ArrayList<>()).add(line);
        }
        List<List<GlLine>> runs = new ArrayList<>();
        List<GlLine> run = new ArrayList<>();
        BigDecimal balance = BigDecimal.ZERO;
        for (List<GlLine> group : groups.values()) {
            run.addAll(group);
            for (GlLine line : group) {
                balance = balance.add(line.signedAmount());
            }
            if (balance.signum() == 0) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            throw new UnbalancedEntryException("FIS document " + document.fisDocumentId(),
                    Balances.debits(run), Balances.credits(run));
        }
        return runs;
    }

    private List<List<GlLine>> pack(AccountingDocument document, PostingChunk template, List<List<GlLine>> runs) {
        long envelope = estimator.estimateBytes(template);
        List<List<GlLine>> chunks = new ArrayList<>();
        List<GlLine> current = new ArrayList<>();
        long currentBytes = envelope;
        for (List<GlLine> run : runs) {
            long runBytes = estimator.estimateBytes(template.withLines(run)) - envelope;
            requireFits(document, run, envelope + runBytes);
            boolean full = current.size() + run.size() > limits.maxLines()
                    || currentBytes + runBytes > limits.maxBytes();
            if (full && !current.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
                currentBytes = envelope;
            }
            current.addAll(run);
            currentBytes += runBytes;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Guards against estimators that are not additive: measure the whole chunk and halve it by runs if needed. */
    private List<List<GlLine>> splitUntilUnderSize(AccountingDocument document, PostingChunk template,
                                                   List<GlLine> lines) {
        if (estimator.estimateBytes(template.withLines(lines)) <= limits.maxBytes()) {
            return List.of(lines);
        }
        List<List<GlLine>> runs = balancedRuns(new AccountingDocument(document.fisDocumentId(), document.docType(),
                document.businessId(), document.accountingEntity(), document.currency(), document.postingDate(),
                document.description(), lines, Optional.empty()));
        if (runs.size() < 2) {
            throw tooLarge(document, lines, estimator.estimateBytes(template.withLines(lines)));
        }
        List<GlLine> first = new ArrayList<>();
        List<GlLine> second = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            (i < runs.size() / 2 ? first : second).addAll(runs.get(i));
        }
        List<List<GlLine>> result = new ArrayList<>(splitUntilUnderSize(document, template, first));
        result.addAll(splitUntilUnderSize(document, template, second));
        return result;
    }

    private void requireFits(AccountingDocument document, List<GlLine> run, long bytes) {
        if (run.size() > limits.maxLines() || bytes > limits.maxBytes()) {
            throw tooLarge(document, run, bytes);
        }
    }

    private ChunkingException tooLarge(AccountingDocument document, List<GlLine> run, long bytes) {
        return new ChunkingException(document.fisDocumentId(), "allocation group " + run.get(0).groupKey()
                + " (" + run.size() + " lines, ~" + bytes + " bytes) must balance on its own and exceeds the limits "
                + limits + "; raise the limits or summarise the document");
    }

    private PostingChunk apChunk(AccountingDocument document, Payable payable) {
        PostingChunk chunk = new PostingChunk(ChunkIds.of(document.fisDocumentId(), PostingKind.AP, 1, 1),
                PostingKind.AP, 1, 1, document.fisDocumentId(), document.docType(), document.businessId(),
                document.accountingEntity(), document.currency(), document.postingDate(), document.description(),
                List.of(), Optional.of(payable), Optional.empty());
        long bytes = estimator.estimateBytes(chunk);
        if (payable.lines().size() > limits.maxLines() || bytes > limits.maxBytes()) {
            throw new ChunkingException(document.fisDocumentId(), "the AP invoice (" + payable.lines().size()
                    + " lines, ~" + bytes + " bytes) exceeds the limits " + limits);
        }
        return chunk;
    }

    private static PostingChunk chunk(AccountingDocument document, PostingKind kind, int number, int count,
                                      List<GlLine> lines) {
        return new PostingChunk(ChunkIds.of(document.fisDocumentId(), kind, number, count), kind, number, count,
                document.fisDocumentId(), document.docType(), document.businessId(), document.accountingEntity(),
                document.currency(), document.postingDate(), document.description(), lines, Optional.empty(),
                Optional.empty());
    }
}
