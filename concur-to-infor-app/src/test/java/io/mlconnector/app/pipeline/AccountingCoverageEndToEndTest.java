package io.mlconnector.app.pipeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.infor.AccountType;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents beyond SAP's six published use cases, from the sandbox's generator: lines without any cost object,
 * the personal part of a company card charge sent without an account code, and funds reservations on the FIS topic.
 * Each is posted (or left alone) as Concur expects, never confirmed as a failure the app caused.
 */
class AccountingCoverageEndToEndTest extends EndToEndTest {
    private static final String DEFAULT_COST_CENTER = "  default: CC900        # unassigned\n";
    private final ConcurDocumentGenerator generator = new ConcurDocumentGenerator(20261206);

    @Test
    void aReportWithoutCostObjectsPostsWithoutCostCentersUnderTheConfiguredSystemId() {
        // given a mapping with no default cost center, and a report with no cost object anywhere
        start(app -> app.mapping(withoutDefaultCostCenter()));
        String docId = harness.concur.fis().add("expense", generator.expenseReportWithoutCostObjects(4));

        // when Concur approves it
        harness.approve(docId);

        // then it is posted and confirmed success; its expense lines carry no cost center
        harness.awaitFisState(docId, FisState.POSTED);
        harness.awaitQuiet();
        assertThat(harness.messagesOf(docId)).isNotEmpty();
        assertThat(mappedLines(docId)).isNotEmpty().allSatisfy(l -> assertThat(l.path("costCenter").asText()).isEmpty());
        // and the acknowledgement and the confirmation name this app's FIS systemId (concur.system-id)
        assertThat(harness.concur.fis().acknowledgements(docId)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.path("systemId").asText()).isEqualTo("ml-connector"));
        assertThat(harness.concur.fis().postingConfirmations(docId)).singleElement().satisfies(c -> {
            assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("success");
            assertThat(c.path("systemId").asText()).isEqualTo("ml-connector");
        });
    }

    @Test
    void aRequiredCostCenterThatNoLineHasIsConfirmedAsErrorNamingEachLineAndLogged() {
        // given a mapping that requires a cost center, and a report with none
        start(app -> app.mapping(Mapping.defaultMappingText().replace(DEFAULT_COST_CENTER, "  required: true\n")));
        JsonNode report = generator.expenseReportWithoutCostObjects(3);
        String docId = harness.concur.fis().add("expense", report);
        String reportId = report.path("report").path("reportId").asText();
        ListAppender<ILoggingEvent> log = capture(RejectDocument.class);

        // when
        harness.approve(docId);

        // then Concur gets an error naming the document's kind and, for each line, its FIS entry id
        harness.awaitFisState(docId, FisState.FAILED);
        harness.awaitQuiet();
        JsonNode confirmation = harness.concur.fis().postingConfirmations(docId).get(0);
        List<JsonNode> messages = new ArrayList<>();
        confirmation.path("systemMessages").forEach(messages::add);
        assertThat(messages.get(0).path("messageShortText").asText())
                .isEqualTo("Expense report " + reportId + " could not be posted to Infor.");
        Set<String> entryIds = new HashSet<>();
        report.path("expenseEntry").forEach(e -> entryIds.add(e.path("entryId").asText()));
        assertThat(messages.subList(1, messages.size())).extracting(m -> m.path("concurTransactionLineItemId").asText())
                .containsExactlyInAnyOrderElementsOf(entryIds);
        // and the log says which report failed and why
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement().satisfies(e ->
                assertThat(e.getFormattedMessage()).contains(reportId).contains(docId).contains("no cost center"));
    }

    @Test
    void aRejectedInvoiceIsNamedAnInvoiceWithTheLinesThatUseTheUnknownAccount() {
        // given an invoice whose expense types map to GL 6190, which Infor does not have
        start();
        harness.infor.chart().remove("100", AccountType.GL_ACCOUNT, "6190");
        harness.infor.chart().remove("200", AccountType.GL_ACCOUNT, "6190");
        JsonNode invoice = generator.invoice(3);
        String docId = harness.concur.fis().add("invoice", invoice);
        String requestId = invoice.path("requestHeader").path("requestId").asText();

        // when
        harness.approve(docId);

        // then
        harness.awaitFisState(docId, FisState.FAILED);
        JsonNode confirmation = harness.concur.fis().postingConfirmations(docId).get(0);
        assertThat(confirmation.path("systemMessages").get(0).path("messageShortText").asText())
                .startsWith("Invoice " + requestId + " ");
        Set<String> lineIds = new HashSet<>();
        // an invoice line's id: its externalLineItemId, else (as in SAP's invoice example) its sequence number
        invoice.path("lineItem").forEach(l -> lineIds.add(l.hasNonNull("externalLineItemId")
                ? l.path("externalLineItemId").asText() : "line-" + l.path("lineItemSequenceOrder").asText()));
        List<String> named = new ArrayList<>();
        confirmation.path("systemMessages").forEach(m -> named.add(m.path("concurTransactionLineItemId").asText()));
        assertThat(named.subList(1, named.size())).isNotEmpty().allSatisfy(id -> assertThat(lineIds).contains(id));
    }

    @Test
    void aPersonalCardChargeWithoutAccountCodePostsOnThePartyAccounts() {
        // given a report whose last entry is a personal dinner on the company card, sent without account code
        start();
        JsonNode report = generator.expenseReportWithPersonalCardCharge(3);
        String docId = harness.concur.fis().add("expense", report);
        JsonNode personal = report.path("expenseEntry").get(3);
        String charge = personal.path("allocation").get(0).path("journal").get(1).path("amountGross").decimalValue()
                .toPlainString();

        // when
        harness.approve(docId);

        // then it is posted and confirmed success; the personal entry touches no expense account and no cost
        // center: the employee's payable is debited and the card clearing account credited with the charge
        harness.awaitFisState(docId, FisState.POSTED);
        harness.awaitQuiet();
        assertThat(harness.concur.fis().postingConfirmations(docId)).singleElement()
                .satisfies(c -> assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("success"));
        assertThat(mappedLines(docId)).anySatisfy(l -> {
            assertThat(l.path("glAccount").asText()).isEqualTo("2100");
            assertThat(l.path("side").asText()).isEqualTo("DEBIT");
            assertThat(new java.math.BigDecimal(l.path("amount").asText())).isEqualByComparingTo(charge);
        });
    }

    @Test
    void fundsReservationsAreNeitherAcknowledgedNorConfirmedAndAreAuditedAsIgnored() {
        // given an expense report and two funds reservations on the FIS topic
        start();
        String expense = harness.concur.fis().add("expense", generator.expenseReport(2));
        JsonNode request = generator.requestObligation();
        String requestObligation = harness.concur.fis().add("requestobligation", request);
        JsonNode reportDoc = generator.reportObligation(2);
        String reportObligation = harness.concur.fis().add("reportobligation", reportDoc);

        // when Concur publishes readyForIntegration for all three
        harness.approve(requestObligation);
        harness.approve(reportObligation);
        harness.approve(expense);

        // then the expense report posts; the reservations stay READY in Concur for the system that handles them
        harness.awaitFisState(expense, FisState.POSTED);
        harness.awaitQuiet();
        for (String reservation : List.of(requestObligation, reportObligation)) {
            assertThat(harness.concur.fis().state(reservation)).isEqualTo(FisState.READY);
            assertThat(harness.concur.fis().acknowledgements(reservation)).isEmpty();
            assertThat(harness.concur.fis().postingConfirmations(reservation)).isEmpty();
            assertThat(harness.messagesOf(reservation)).isEmpty();
        }
        // and the audit trail says why nothing was done
        for (String businessId : List.of(request.path("requestHeader").path("requestId").asText(),
                reportDoc.path("report").path("reportId").asText())) {
            assertThat(harness.store().audit().trail(businessId)).filteredOn(e -> e.step().equals(AuditStep.IGNORED))
                    .singleElement().satisfies(e ->
                            assertThat(e.detail().path("reason").asText()).startsWith("docType not handled"));
        }
    }

    private static String withoutDefaultCostCenter() {
        String yaml = Mapping.defaultMappingText();
        assertThat(yaml).contains(DEFAULT_COST_CENTER);
        return yaml.replace(DEFAULT_COST_CENTER, "");
    }

    /** The GL lines the audit trail recorded when the document was mapped. */
    private List<JsonNode> mappedLines(String docId) {
        List<JsonNode> lines = new ArrayList<>();
        harness.store().audit().trail(docId).stream().filter(e -> e.step().equals(AuditStep.MAPPED))
                .map(AuditEntry::detail).findFirst().orElseThrow().path("glLines").forEach(lines::add);
        return lines;
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }
}
