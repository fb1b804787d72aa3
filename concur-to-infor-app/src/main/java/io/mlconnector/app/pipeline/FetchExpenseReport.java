package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.nonfis.ExpenseReportAdapter;
import io.mlconnector.app.nonfis.NonFisDocumentException;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.concur.api.ExpenseReport;
import io.mlconnector.concur.api.FisDocType;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;
import java.util.Map;

/**
 * For tenants without FIS: reads the report a {@code statusChanged} event points to through its {@code facts.href} with
 * its expenses (Expense v4, https://developer.concur.com/api-reference/expense/expense-report/v4.reports.html) and
 * turns it into the FIS document shape the mapping knows. A report that is FIS-enabled, or no longer in an approval
 * status when it is read, is not posted from here.
 */
final class FetchExpenseReport implements Processor {
    private final Services services;

    FetchExpenseReport(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        String href = work.event.href().orElseThrow(() -> new DocumentRejected(RejectionReason.NO_HREF, List.of(),
                List.of("statusChanged event " + work.event.id() + " has no facts.href")));
        ExpenseReport report = services.expenseReports.getReport(href);
        String reportId = report.reportId() != null ? report.reportId() : work.businessId();
        String documentId = NonFisDocuments.expenseReportDocumentId(reportId);
        if (nothingToPost(work, report, documentId)) {
            return;
        }
        List<JsonNode> expenses = services.expenseReports.getExpenses(href);
        ObjectNode document;
        try {
            document = ExpenseReportAdapter.toFisDocument(report.json(), expenses);
        } catch (NonFisDocumentException e) {
            work.keys = work.keys.withFisDocumentId(documentId).withReportId(reportId);
            throw new DocumentRejected(RejectionReason.UNREADABLE_REPORT, List.of(reportId), e.problems());
        }
        NonFisDocuments.adopt(services, work, FisDocType.EXPENSE, documentId, reportId, document, "expense-v4");
    }

    // A FIS-enabled company gets the same report as a FIS document
    // (https://developer.concur.com/api-guides/ERP-integration/posting-via-financial-integration-service.html): posting
    // it here too would post it twice. The status is read again because the event may be older than a send-back.
    private boolean nothingToPost(DocumentWork work, ExpenseReport report, String documentId) {
        String why = null;
        if (report.isFinancialIntegrationEnabled()) {
            why = "report " + report.reportId() + " is FIS-enabled: it is posted from its FIS document";
        } else if (report.approvalStatusId() != null
                && !services.settings.concur().approvalStatuses().contains(report.approvalStatusId())) {
            why = "report " + report.reportId() + " is " + report.approvalStatusId() + " when read, not one of "
                    + "concur.approval-statuses " + services.settings.concur().approvalStatuses();
        }
        if (why == null) {
            return false;
        }
        work.keys = work.keys.withFisDocumentId(documentId).withReportId(report.reportId());
        work.nothingToPost = true;
        services.store.audit().append(work.keys, AuditStep.IGNORED, Map.of("reason", why));
        return true;
    }
}
