package io.mlconnector.app.store;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** H2's counterpart of the PostgreSQL trigger function: refuses UPDATE and DELETE on {@code audit_trail}. */
public final class AuditAppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_trail is append-only", "P0001");
    }
}
