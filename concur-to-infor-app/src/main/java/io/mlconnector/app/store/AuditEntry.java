package io.mlconnector.app.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One audit entry: what happened ({@code step}), to which document ({@code keys}), with which detail, when. */
public record AuditEntry(long id, Instant at, AuditKeys keys, String step, JsonNode detail) {
}
