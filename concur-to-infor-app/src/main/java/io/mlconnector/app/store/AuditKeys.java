package io.mlconnector.app.store;

/**
 * The document keys an audit entry is filed under; any may be null.
 *
 * @param essEventId    the ESS event id
 * @param reportId      the Concur report (or payment request) id
 * @param fisDocumentId the FIS document id
 * @param messageId     the Infor ION messageId (one chunk)
 */
public record AuditKeys(String essEventId, String reportId, String fisDocumentId, String messageId) {
    public static AuditKeys event(String essEventId) {
        return new AuditKeys(essEventId, null, null, null);
    }

    public static AuditKeys document(String fisDocumentId) {
        return new AuditKeys(null, null, fisDocumentId, null);
    }

    public AuditKeys withReportId(String id) {
        return new AuditKeys(essEventId, id, fisDocumentId, messageId);
    }

    public AuditKeys withFisDocumentId(String id) {
        return new AuditKeys(essEventId, reportId, id, messageId);
    }

    public AuditKeys withMessageId(String id) {
        return new AuditKeys(essEventId, reportId, fisDocumentId, id);
    }
}
