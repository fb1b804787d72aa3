-- The audit trail is append-only: the database refuses UPDATE and DELETE, whatever the code does.
CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail
    FOR EACH ROW CALL 'io.mlconnector.app.store.AuditAppendOnlyTrigger';
CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail
    FOR EACH ROW CALL 'io.mlconnector.app.store.AuditAppendOnlyTrigger';
