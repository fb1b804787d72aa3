package io.mlconnector.app.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as CSV (RFC 4180: comma, CRLF, quotes doubled), one row per document, for a spreadsheet. Amounts are plain
 * decimals with a separate currency column, dates ISO 8601 UTC.
 */
public final class ReconciliationCsv {
    public static final List<String> HEADER = List.of("made_ready_at", "document_id", "business_id", "doc_type",
            "accounting_entity", "currency", "concur_amount", "journal_amount", "posted_amount", "chunks_posted",
            "chunks_planned", "outcome", "differences");

    private ReconciliationCsv() {
    }

    public static String toCsv(ReconciliationReport report) {
        StringWriter out = new StringWriter();
        write(report, out);
        return out.toString();
    }

    public static void write(ReconciliationReport report, Writer out) {
        try {
            out.write(row(HEADER));
            for (DocumentReconciliation d : report.documents()) {
                out.write(row(List.of(d.madeReadyAt().toString(), nz(d.documentId()), nz(d.businessId()),
                        nz(d.docType()), nz(d.accountingEntity()), nz(d.currency()), Money.format(d.concurAmount()),
                        Money.format(d.journalAmount()), Money.format(d.postedAmount()),
                        Integer.toString(d.chunksPosted()), Integer.toString(d.chunksPlanned()), d.outcome().label(),
                        d.differences().stream().map(Difference::toString).collect(Collectors.joining("; ")))));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(List<String> cells) {
        return cells.stream().map(ReconciliationCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        // a leading = + - @ would be read as a formula by a spreadsheet: quote it and prefix an apostrophe (OWASP CSV injection)
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || !safe.equals(value);
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
