package io.mlconnector.app.admin;

import io.mlconnector.app.store.AuditEntry;

import java.util.Optional;

/**
 * The state of the pipeline at a glance: counts per state (with the chunks in doubt or still waiting for the ERP),
 * today's posted and failed documents (UTC day), and the last error recorded.
 */
public record Overview(StatusReport status, long postedToday, long failedToday, Optional<AuditEntry> lastError) {
}
