package io.mlconnector.app.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link PeriodRecords}: a handful of set-based queries, whatever the number of documents. */
public final class Periods {
    private static final String EVENTS_IN_PERIOD =
            "SELECT ess_event_id FROM inbox WHERE received_at >= ? AND received_at < ? AND state <> 'IGNORED'";
    private static final String DOCUMENTS_IN_PERIOD = "SELECT a.fis_document_id FROM audit_trail a WHERE a.step = ? "
            + "AND a.ess_event_id IN (" + EVENTS_IN_PERIOD + ")";

    private final Jdbc jdbc;

    public Periods(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    /** The records of the events received in [{@code from}, {@code to}). */
    public PeriodRecords between(Instant from, Instant to) {
        List<PeriodRecords.Event> events = jdbc.query("SELECT ess_event_id, topic, event_type, "
                        + "COALESCE(report_id, fis_document_id) AS business_id, state, last_error, received_at FROM inbox "
                        + "WHERE received_at >= ? AND received_at < ? AND state <> 'IGNORED' ORDER BY received_at, id",
                rs -> new PeriodRecords.Event(rs.getString("ess_event_id"), rs.getString("topic"),
                        rs.getString("event_type"), rs.getString("business_id"), InboxState.valueOf(rs.getString("state")),
                        rs.getString("last_error"), Jdbc.instant(rs, "received_at")), from, to);
        List<Object> stepArgs = new ArrayList<>(PeriodRecords.STEPS);
        stepArgs.add(from);
        stepArgs.add(to);
        String marks = String.join(", ", PeriodRecords.STEPS.stream().map(s -> "?").toList());
        List<AuditEntry> audit = jdbc.query("SELECT * FROM audit_trail WHERE step IN (" + marks + ") AND ess_event_id IN ("
                + EVENTS_IN_PERIOD + ") ORDER BY id", AuditTrail::entry, stepArgs.toArray());
        List<LedgerEntry> ledger = jdbc.query("SELECT * FROM posting_ledger WHERE fis_document_id IN ("
                + DOCUMENTS_IN_PERIOD + ") ORDER BY id", PostingLedger::entry, AuditStep.DOCUMENT_FETCHED, from, to);
        List<ConfirmationRecord> confirmations = jdbc.query("SELECT * FROM posting_confirmation WHERE fis_document_id IN ("
                        + DOCUMENTS_IN_PERIOD + ") ORDER BY fis_document_id", PostingLedger::confirmation,
                AuditStep.DOCUMENT_FETCHED, from, to);
        return new PeriodRecords(events, audit, ledger, confirmations);
    }
}
