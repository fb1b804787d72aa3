package io.mlconnector.app.admin;

import io.mlconnector.app.store.AuditEntry;

import java.util.Optional;

/**
 * The state of the pipeline at a glance: counts per state, today's posted and failed documents (UTC day), the chunks
 * in doubt or still waiting for the ERP, and the last error recorded.
 */
public record Overview(StatusReport status, long postedToday, long failedToday, long awaitingErp,
                       Optional<AuditEntry> lastError) {
}
