package io.mlconnector.app.nonfis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.nonfis.NonFisPipeline.BodLine;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.infor.ImsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end on H2: Concur sandbox events on the non-FIS topics → the app → Infor sandbox. */
class NonFisPipelineTest {
    private static final String SAMPLE_REPORT = "764428DD6A664AF0BFCB";
    private static final String SAMPLE_DOCUMENT = "report-" + SAMPLE_REPORT;

    private NonFisPipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void approvedReportIsPostedOnceWithBalancedBodsOnTheReportsAmounts() {
        // given the published Expense v4 report (525 USD: 25 lunch paid cash, 500 office supplies on a company card)
        pipeline = new NonFisPipeline(ConcurSandboxSettings.defaults(), "A_APPR");
        String reportId = pipeline.concur.reports().addPublishedSampleReport();

        // when Concur approves it
        String eventId = pipeline.concur.reports().approveReport(reportId, "A_APPR");
        InboxEntry row = pipeline.inboxRow(eventId);

        // then one balanced GL journal with the report's amounts and one AP invoice for what the employee is owed
        assertThat(row.state()).isEqualTo(InboxState.DONE);
        List<ImsMessage> messages = pipeline.messagesOf(SAMPLE_DOCUMENT);
        List<ImsMessage> journals = journals(messages);
        assertThat(journals).isNotEmpty().allSatisfy(bod -> assertThat(NonFisPipeline.journalLines(bod).stream()
                .map(BodLine::signed).reduce(BigDecimal.ZERO, BigDecimal::add)).isZero());
        List<BodLine> lines = journals.stream().flatMap(bod -> NonFisPipeline.journalLines(bod).stream()).toList();
        assertThat(debits(lines)).isEqualByComparingTo("525");
        assertThat(lines).filteredOn(l -> l.flag().equals("D"))
                .extracting(l -> l.glAccount() + " " + l.costCenter() + " " + l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("6130 CC900 25", "6190 CC900 500");
        assertThat(messages).filteredOn(m -> m.noun().equals("SupplierInvoice")).hasSize(1);
        assertThat(messages).extracting(ImsMessage::messageId).doesNotHaveDuplicates();
        assertThat(pipeline.store.ledger().forDocument(SAMPLE_DOCUMENT)).isNotEmpty()
                .allSatisfy(chunk -> assertThat(chunk.state()).isEqualTo(ChunkState.ACCEPTED));
        assertThat(steps(SAMPLE_DOCUMENT)).contains(AuditStep.DOCUMENT_FETCHED, AuditStep.MAPPED, AuditStep.VALIDATED,
                AuditStep.CHUNK_ACCEPTED, AuditStep.POSTED).doesNotContain(AuditStep.ACKNOWLEDGED,
                AuditStep.CONFIRMATION_SENT);
    }

    @Test
    void statusChangedIntoANonApprovalStatusIsIgnoredAndAudited() {
        // given
        pipeline = new NonFisPipeline(ConcurSandboxSettings.defaults(), "A_APPR");
        String reportId = pipeline.concur.reports().addPublishedSampleReport();

        // when the report is submitted (pending manager approval)
        String eventId = pipeline.concur.reports().approveReport(reportId, "A_PEND");
        InboxEntry row = pipeline.inboxRow(eventId);

        // then nothing is read or posted, and the audit trail says why
        assertThat(row.state()).isEqualTo(InboxState.IGNORED);
        assertThat(pipeline.infor.messages()).isEmpty();
        assertThat(pipeline.concur.requests()).noneMatch(r -> r.path().contains("/expensereports/"));
        assertThat(pipeline.store.audit().trail(eventId)).filteredOn(e -> e.step().equals(AuditStep.IGNORED))
                .singleElement().satisfies(e -> assertThat(e.detail().path("reason").asText())
                        .contains("A_PEND", "A_APPR"));
    }

    @Test
    void duplicateDeliveryIsAnsweredButPostedOnce() {
        // given a Concur that delivers every event twice
        pipeline = new NonFisPipeline(ConcurSandboxSettings.builder().duplicateRate(1.0).build(), "A_APPR");
        String reportId = pipeline.concur.reports().addPublishedSampleReport();

        // when the report is approved
        String eventId = pipeline.concur.reports().approveReport(reportId, "A_APPR");
        pipeline.inboxRow(eventId);
        pipeline.awaitQuiet();

        // then both copies were answered 2xx, and the report was posted once
        assertThat(pipeline.concur.events().deliveries()).filteredOn(d -> d.eventId().equals(eventId))
                .hasSize(2).allSatisfy(d -> assertThat(d.httpStatus()).isBetween(200, 299));
        assertThat(steps(eventId)).contains(AuditStep.DUPLICATE_DELIVERY);
        assertPostedOnce(SAMPLE_DOCUMENT);
    }

    @Test
    void reportApprovedAgainWithoutChangesIsNotPostedAgain() {
        // given both "approved & in accounting review" and "approved" count as approval
        pipeline = new NonFisPipeline(ConcurSandboxSettings.defaults(), "A_ACCO,A_APPR");
        String reportId = pipeline.concur.reports().addPublishedSampleReport();

        // when the report passes both statuses (two events with different ids)
        pipeline.inboxRow(pipeline.concur.reports().approveReport(reportId, "A_ACCO"));
        pipeline.inboxRow(pipeline.concur.reports().approveReport(reportId, "A_APPR"));

        // then it is one document, posted once; the second pass is audited as already posted
        assertPostedOnce(SAMPLE_DOCUMENT);
        assertThat(steps(SAMPLE_DOCUMENT)).containsOnlyOnce(AuditStep.POSTED).contains(AuditStep.ALREADY_POSTED);
    }

    @Test
    void reportChangedAfterPostingIsNotPostedAgainButGivenToAFinanceUser() {
        // given the sample report, approved and posted
        pipeline = new NonFisPipeline(ConcurSandboxSettings.defaults(), "A_ACCO,A_APPR");
        String reportId = pipeline.concur.reports().addPublishedSampleReport();
        pipeline.inboxRow(pipeline.concur.reports().approveReport(reportId, "A_ACCO"));
        int posted = pipeline.messagesOf(SAMPLE_DOCUMENT).size();

        // when the report comes back with a changed expense and is approved again
        List<JsonNode> expenses = V4Fixtures.sampleExpenses();
        ((ObjectNode) expenses.get(0)).set("approvedAmount", V4Fixtures.money("30.00000000", "USD"));
        ObjectNode report = (ObjectNode) V4Fixtures.sampleReport();
        report.set("approvedAmount", V4Fixtures.money("530.00000000", "USD"));
        pipeline.concur.reports().addReport(report, expenses);
        InboxEntry row = pipeline.inboxRow(pipeline.concur.reports().approveReport(reportId, "A_APPR"));

        // then nothing more reaches Infor, and an exception record names the report
        assertThat(row.state()).isEqualTo(InboxState.DONE);
        assertThat(pipeline.messagesOf(SAMPLE_DOCUMENT)).hasSize(posted);
        assertThat(pipeline.store.exceptions().forDocument(SAMPLE_DOCUMENT)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("changed-after-posting"));
    }

    @Test
    void unknownGlAccountPostsNothingAndOpensAnExceptionRecordWithoutAnyFisCall() {
        // given an Infor chart without the meals account the lunch maps to
        pipeline = new NonFisPipeline(ConcurSandboxSettings.defaults(), "A_APPR");
        pipeline.infor.chart().remove("100", io.mlconnector.sandbox.infor.AccountType.GL_ACCOUNT, "6130");
        String reportId = pipeline.concur.reports().addPublishedSampleReport();

        // when the report is approved
        InboxEntry row = pipeline.inboxRow(pipeline.concur.reports().approveReport(reportId, "A_APPR"));

        // then nothing is posted, a finance user gets the unknown code, and Concur gets no FIS call for it
        assertThat(row.state()).isEqualTo(InboxState.DONE);
        assertThat(pipeline.infor.messages()).isEmpty();
        assertThat(pipeline.store.exceptions().forDocument(SAMPLE_DOCUMENT)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("unknown-account");
            assertThat(e.codes()).containsExactly("6130");
        });
        assertThat(pipeline.concur.requests()).noneMatch(r -> r.path().contains("/financialintegration/"));
    }

    @Test
    void fisEnabledReportIsLeftToItsFisDocument() {
        // given a report of a company that posts through FIS
        pipeline = new NonFisPipeline(ConcurSandboxSettings.defaults(), "A_APPR");
        ObjectNode report = ((ObjectNode) V4Fixtures.sampleReport()).put("isFinancialIntegrationEnabled", true);
        String reportId = pipeline.concur.reports().addReport(report, V4Fixtures.sampleExpenses());

        // when it is approved
        String eventId = pipeline.concur.reports().approveReport(reportId, "A_APPR");
        pipeline.inboxRow(eventId);

        // then it is not posted from the Expense v4 read: the FIS document will carry it
        assertThat(pipeline.infor.messages()).isEmpty();
        assertThat(pipeline.store.audit().trail(eventId)).filteredOn(e -> e.step().equals(AuditStep.IGNORED))
                .singleElement().satisfies(e -> assertThat(e.detail().path("reason").asText()).contains("FIS"));
    }

    @Test
    void paymentRequestIsPostedOnceAsJournalAndSupplierInvoice() {
        // given
        pipeline = new NonFisPipeline(ConcurSandboxSettings.defaults(), "A_APPR");

        // when Concur publishes a payment request (1,210.00 USD to vendor V100)
        String id = pipeline.concur.reports().addPaymentRequest(PaymentRequestAdapterTest.paymentRequest());
        pipeline.awaitQuiet();

        // then the journal balances on the request's amount and the vendor's AP invoice is the total
        List<ImsMessage> messages = pipeline.messagesOf("paymentrequest-" + id);
        List<BodLine> lines = journals(messages).stream()
                .flatMap(bod -> NonFisPipeline.journalLines(bod).stream()).toList();
        assertThat(lines.stream().map(BodLine::signed).reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
        assertThat(debits(lines)).isEqualByComparingTo("1210.00");
        assertThat(messages).filteredOn(m -> m.noun().equals("SupplierInvoice")).singleElement()
                .satisfies(m -> assertThat(m.payloadString()).contains("V100", "1210.00"));
        assertThat(steps("paymentrequest-" + id)).containsOnlyOnce(AuditStep.POSTED);
    }

    private void assertPostedOnce(String documentId) {
        List<ImsMessage> messages = pipeline.messagesOf(documentId);
        List<LedgerEntry> chunks = pipeline.store.ledger().forDocument(documentId);
        assertThat(chunks).isNotEmpty();
        assertThat(messages).hasSize(chunks.size());
        assertThat(messages).extracting(ImsMessage::messageId).doesNotHaveDuplicates();
        assertThat(debits(journals(messages).stream().flatMap(b -> NonFisPipeline.journalLines(b).stream()).toList()))
                .isEqualByComparingTo("525");
    }

    private List<String> steps(String id) {
        return pipeline.store.audit().trail(id).stream().map(AuditEntry::step).toList();
    }

    private static List<ImsMessage> journals(List<ImsMessage> messages) {
        return messages.stream().filter(m -> m.noun().equals("SourceSystemJournalEntry")).toList();
    }

    private static BigDecimal debits(List<BodLine> lines) {
        return lines.stream().filter(l -> l.flag().equals("D")).map(BodLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
