package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.api.PostingConfirmation.PostingDoc;
import io.mlconnector.concur.api.PostingConfirmation.SystemMessage;
import io.mlconnector.concur.support.SandboxConfig;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.FisState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FIS v4 operations against the Concur sandbox
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html).
 */
class FisOperationsTest {
    /** The sandbox stores numbers as doubles, the connector as exact decimals: compare numbers by value. */
    private static final java.util.Comparator<JsonNode> SAME_NUMBER = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private ConcurSandbox concur;
    private ConcurConnection connection;
    private FisOperations fis;

    @BeforeEach
    void start() {
        concur = ConcurSandbox.start();
        connection = new ConcurConnectionProvider(SandboxConfig.of(concur).build()).connect();
        fis = new FisOperations(connection);
    }

    @AfterEach
    void stop() {
        connection.close();
        concur.close();
    }

    private String readyExpense(int entries) {
        String id = concur.fis().add("expense", new ConcurDocumentGenerator(entries).expenseReport(entries));
        concur.fis().approve(id);
        return id;
    }

    @Test
    void allReadyDocumentsAreReadPageByPageWithTheirTotals() {
        // given every published sample queued as READY
        List<String> seeded = concur.fis().seedPublishedSamples();
        List<String> expenseIds = seeded.stream().filter(id -> concur.fis().document(id).has("report")).toList();

        // when reading expense documents two per page
        List<FisDocument> read = new ArrayList<>();
        FisDocumentPage page;
        int number = 0;
        do {
            page = fis.getDocuments(FisDocType.EXPENSE, number++, 2, null);
            read.addAll(page.documents());
        } while (page.hasNext());

        // then
        assertThat(read).extracting(FisDocument::id).containsExactlyInAnyOrderElementsOf(expenseIds);
        for (FisDocument doc : read) {
            JsonNode served = concur.fis().document(doc.id());
            assertThat(doc.json().equals(SAME_NUMBER, served)).as("document %s as served", doc.id()).isTrue();
            assertThat(doc.docStatus()).isEqualTo("READY");
            if (served.at("/report/totalApprovedAmount").isNumber()) {
                assertThat(doc.totalAmount()).isEqualByComparingTo(served.at("/report/totalApprovedAmount").decimalValue());
            }
            assertThat(doc.journalGrossTotal()).isPositive();
        }
        assertThat(concur.requests()).filteredOn(r -> r.path().endsWith("/expense/transactions"))
                .allSatisfy(r -> {
                    assertThat(r.query()).containsEntry("limit", "2").containsEntry("systemId", "ML-CONNECTOR");
                    assertThat(r.header("DocumentFormatAs")).isEqualTo("json");
                });
    }

    @Test
    void oneDocumentIsReadByItsBusinessIdAndAfterAcknowledgementOnlyWithIgnoreDocumentStatus() {
        // given
        String fisId = readyExpense(3);
        String reportId = concur.fis().businessId(fisId);

        // when
        FisDocument doc = fis.getDocument(FisDocType.EXPENSE, reportId, false).orElseThrow();
        fis.acknowledge(FisDocType.EXPENSE, List.of(doc.id()));

        // then
        assertThat(doc.id()).isEqualTo(fisId);
        assertThat(doc.businessId()).isEqualTo(reportId);
        assertThat(doc.journalLines()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(fis.getDocument(FisDocType.EXPENSE, reportId, false)).isEmpty();
        assertThat(fis.getDocument(FisDocType.EXPENSE, reportId, true)).hasValueSatisfying(d ->
                assertThat(d.docStatus()).isEqualTo("ACKNOWLEDGED"));
    }

    @Test
    void aResubmittedReportIsReadAsItsNewFisDocumentNotTheFailedOne() {
        // given a report whose first FIS document was confirmed as error, then resubmitted: a new FIS document
        String failed = readyExpense(2);
        String reportId = concur.fis().businessId(failed);
        fis.acknowledge(FisDocType.EXPENSE, List.of(failed));
        fis.confirmPosting(FisDocType.EXPENSE, List.of(PostingConfirmation.error(failed,
                List.of(SystemMessage.of("E1", "GL account 6120 does not exist")))));
        String resubmitted = concur.fis().add("expense", concur.fis().document(failed));
        concur.fis().approve(resubmitted);

        // when the report is read by its business id, before and after the new document is acknowledged
        FisDocument ready = fis.getDocument(FisDocType.EXPENSE, reportId, true).orElseThrow();
        fis.acknowledge(FisDocType.EXPENSE, List.of(resubmitted));
        FisDocument acknowledged = fis.getDocument(FisDocType.EXPENSE, reportId, true).orElseThrow();

        // then both times the document still in work is answered
        assertThat(ready.id()).isEqualTo(resubmitted);
        assertThat(acknowledged.id()).isEqualTo(resubmitted);
        assertThat(acknowledged.docStatus()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void acknowledgementSucceedsOnceThenReportsAlreadyAcknowledged() {
        // given
        String fisId = readyExpense(1);

        // when
        List<FisItemResult> first = fis.acknowledge(FisDocType.EXPENSE, List.of(fisId));
        List<FisItemResult> second = fis.acknowledge(FisDocType.EXPENSE, List.of(fisId));

        // then
        assertThat(first).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(FisOutcome.SUCCESS));
        assertThat(second).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(FisOutcome.ALREADY_ACKNOWLEDGED);
            assertThat(r.isDone()).isTrue();
        });
        assertThat(concur.fis().state(fisId)).isEqualTo(FisState.ACKNOWLEDGED);
        assertThat(concur.fis().acknowledgements(fisId)).first()
                .satisfies(a -> assertThat(a.get("systemId").asText()).isEqualTo("ML-CONNECTOR"));
    }

    @Test
    void acknowledgingARecalledDocumentReportsRecalled() {
        // given
        String fisId = readyExpense(1);
        concur.fis().recall(fisId);

        // when
        FisItemResult result = fis.acknowledge(FisDocType.EXPENSE, List.of(fisId)).get(0);

        // then
        assertThat(result.outcome()).isEqualTo(FisOutcome.RECALLED);
        assertThat(result.outcome().isRecalled()).isTrue();
        assertThat(concur.fis().state(fisId)).isEqualTo(FisState.RECALLED);
    }

    @Test
    void successConfirmationReachesConcurInTheDocumentedShapeAndARepeatIsAlreadyConfirmed() {
        // given
        String fisId = readyExpense(2);
        fis.acknowledge(FisDocType.EXPENSE, List.of(fisId));
        PostingConfirmation success = PostingConfirmation.success(fisId,
                List.of(new PostingDoc("100", "ION-000123", "2026", LocalDate.of(2026, 11, 28))));

        // when
        List<FisItemResult> first = fis.confirmPosting(FisDocType.EXPENSE, List.of(success));
        List<FisItemResult> again = fis.confirmPosting(FisDocType.EXPENSE, List.of(success));

        // then
        assertThat(first.get(0).outcome()).isEqualTo(FisOutcome.SUCCESS);
        assertThat(again.get(0).outcome()).isEqualTo(FisOutcome.ALREADY_CONFIRMED);
        assertThat(concur.fis().state(fisId)).isEqualTo(FisState.POSTED);
        JsonNode received = concur.fis().postingConfirmations(fisId).get(0);
        assertThat(received.get("overallPostingStatusCode").asText()).isEqualTo("success");
        assertThat(received.at("/postingDocs/0/documentNumber").asText()).isEqualTo("ION-000123");
        assertThat(received.at("/postingDocs/0/postingDate").asText()).isEqualTo("2026-11-28");
        assertThat(received.get("systemMessages").isArray()).isTrue();
    }

    @Test
    void errorConfirmationCarriesTheSystemMessagesForTheAuditTrail() {
        // given
        String fisId = readyExpense(1);
        fis.acknowledge(FisDocType.EXPENSE, List.of(fisId));

        // when
        FisItemResult result = fis.confirmPosting(FisDocType.EXPENSE, List.of(PostingConfirmation.error(fisId,
                List.of(SystemMessage.of("ML-001", "GL account 6199 does not exist in accounting entity 100"))))).get(0);

        // then
        assertThat(result.outcome()).isEqualTo(FisOutcome.SUCCESS);
        assertThat(concur.fis().state(fisId)).isEqualTo(FisState.FAILED);
        assertThat(concur.fis().postingConfirmations(fisId).get(0).at("/systemMessages/0/messageShortText").asText())
                .contains("6199");
    }

    @Test
    void confirmingBeforeAcknowledgingIsNotAcknowledged() {
        String fisId = readyExpense(1);

        FisItemResult result = fis.confirmPosting(FisDocType.EXPENSE, List.of(PostingConfirmation.success(fisId,
                List.of(new PostingDoc("100", "1", "2026", LocalDate.of(2026, 11, 28)))))).get(0);

        assertThat(result.outcome()).isEqualTo(FisOutcome.NOT_ACKNOWLEDGED);
    }

    @Test
    void paymentConfirmationOfAPostedExpenseIsRecorded() {
        // given
        String fisId = readyExpense(1);
        fis.acknowledge(FisDocType.EXPENSE, List.of(fisId));
        fis.confirmPosting(FisDocType.EXPENSE, List.of(PostingConfirmation.success(fisId,
                List.of(new PostingDoc("100", "ION-1", "2026", LocalDate.of(2026, 11, 28))))));
        PaymentConfirmation payment = new PaymentConfirmation(fisId, "CP", null, List.of(
                new PaymentConfirmation.ClearingDetail(Instant.parse("2026-11-28T10:15:30.123Z"),
                        new BigDecimal("123.45"), "USD",
                        new PaymentConfirmation.Receiver("E100", "Employee", "EMPLOYEE"),
                        new PaymentConfirmation.ClearingReference("100", "PAY-1", "2026", "100/PAY-1/2026", "E"))));

        // when
        List<FisItemResult> first = fis.confirmPayment(List.of(payment));
        List<FisItemResult> again = fis.confirmPayment(List.of(payment));

        // then
        assertThat(first.get(0).outcome()).isEqualTo(FisOutcome.SUCCESS);
        assertThat(again.get(0).outcome()).isEqualTo(FisOutcome.INVALID_PAYMENT_REQUEST);
        assertThat(again.get(0).paymentRef()).isEqualTo("100/PAY-1/2026");
        JsonNode received = concur.fis().paymentConfirmations(fisId).get(0);
        assertThat(received.at("/clearingDetails/0/clearingDate").asText()).isEqualTo("2026-11-28T10:15:30.123Z");
        assertThat(received.at("/clearingDetails/0/clearingAmount").asText()).isEqualTo("123.45");
    }

    @Test
    void eventCorrelationIdIsReusedOnFollowUpCalls() {
        // given
        String fisId = readyExpense(1);

        // when
        fis.withCorrelationId("901bc0ccbaae426c54f3bcc650ae9ec4").acknowledge(FisDocType.EXPENSE, List.of(fisId));

        // then
        assertThat(concur.requests()).filteredOn(r -> r.path().endsWith("/acknowledgements")).singleElement()
                .satisfies(r -> assertThat(r.header("concur-correlationid"))
                        .isEqualTo("901bc0ccbaae426c54f3bcc650ae9ec4"));
        assertThat(concur.requests()).allSatisfy(r -> assertThat(r.header("concur-correlationid")).isNotBlank());
    }
}
