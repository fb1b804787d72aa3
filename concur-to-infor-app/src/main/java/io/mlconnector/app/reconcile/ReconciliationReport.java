package io.mlconnector.app.reconcile;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every document Concur made ready between {@code from} and {@code to} (both inclusive, UTC days) against what the
 * ledger posted and Concur was told: one line per document, totals per currency and accounting entity.
 */
public record ReconciliationReport(LocalDate from, LocalDate to, List<DocumentReconciliation> documents) {
    /** Shown for a document that was never mapped (no accounting entity) or never fetched (no currency). */
    public static final String UNKNOWN = "?";

    public ReconciliationReport {
        documents = List.copyOf(documents);
    }

    public boolean hasDifferences() {
        return documents.stream().anyMatch(d -> !d.reconciles());
    }

    /** The documents with at least one difference. */
    public List<DocumentReconciliation> withDifferences() {
        return documents.stream().filter(d -> !d.reconciles()).toList();
    }

    /** Totals per currency and accounting entity, ordered by currency then entity. */
    public List<Totals> totals() {
        Map<List<String>, Totals> byKey = new LinkedHashMap<>();
        for (DocumentReconciliation d : documents) {
            String currency = Objects.requireNonNullElse(d.currency(), UNKNOWN);
            String entity = Objects.requireNonNullElse(d.accountingEntity(), UNKNOWN);
            byKey.merge(List.of(currency, entity), Totals.empty(currency, entity).add(d), (a, b) -> a.add(d));
        }
        return byKey.values().stream().sorted(Comparator.comparing(Totals::currency)
                .thenComparing(Totals::accountingEntity)).toList();
    }
}
