package io.mlconnector.concur.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What an event is, from its topic and event type (https://developer.concur.com/event-topics/). */
class ConcurEventKindTest {

    @Test
    void readyForIntegrationOfAKnownDocTypeIsAFisDocument() {
        // given / when
        ConcurEvent expense = event("public.concur.financialintegration", "expense.readyForIntegration",
                "{\"documentId\":\"RPT-1\"}");
        ConcurEvent fundsReservation = event("public.concur.financialintegration",
                "requestobligation.readyForIntegration", "{}");

        // then
        assertThat(expense.kind()).isEqualTo(ConcurEventKind.FIS_DOCUMENT_READY);
        assertThat(fundsReservation.kind()).isEqualTo(ConcurEventKind.FIS_DOCUMENT_READY);
        assertThat(expense.kind().confirmsPosting()).isTrue();
    }

    @Test
    void otherEventsOnTheFisTopicAreOther() {
        // given / when
        ConcurEvent unknownDocType = event("public.concur.financialintegration", "travel.readyForIntegration", "{}");
        ConcurEvent notReady = event("public.concur.financialintegration", "expense.statusChanged", "{}");

        // then
        assertThat(unknownDocType.kind()).isEqualTo(ConcurEventKind.OTHER);
        assertThat(notReady.kind()).isEqualTo(ConcurEventKind.OTHER);
    }

    @Test
    void expenseReportAndPaymentRequestTopicsAreReadWithoutFis() {
        // given / when: the samples send topics without the public. prefix
        ConcurEvent report = event("concur.expense.report", "statusChanged", "{\"reportId\":\"RPT-2\"}");
        ConcurEvent request = event("public.concur.invoice.paymentrequest", "statusChanged",
                "{\"requestId\":\"PR-3\"}");

        // then
        assertThat(report.kind()).isEqualTo(ConcurEventKind.EXPENSE_REPORT);
        assertThat(request.kind()).isEqualTo(ConcurEventKind.PAYMENT_REQUEST);
        assertThat(report.kind().confirmsPosting()).isFalse();
        assertThat(request.kind().confirmsPosting()).isFalse();
        assertThat(event("public.test", "test", "{}").kind()).isEqualTo(ConcurEventKind.OTHER);
    }

    @Test
    void businessIdIsTheDocumentIdElseTheReportIdElseTheRequestId() {
        assertThat(event("t", "e", "{\"documentId\":\"D\",\"reportId\":\"R\",\"requestId\":\"Q\"}").businessId())
                .contains("D");
        assertThat(event("t", "e", "{\"reportId\":\"R\",\"requestId\":\"Q\"}").businessId()).contains("R");
        assertThat(event("t", "e", "{\"requestId\":\"Q\"}").businessId()).contains("Q");
        assertThat(event("t", "e", "{}").businessId()).isEmpty();
    }

    private static ConcurEvent event(String topic, String eventType, String facts) {
        String body = "{\"id\":\"e-1\",\"topic\":\"" + topic + "\",\"eventType\":\"" + eventType + "\",\"facts\":"
                + facts + "}";
        return ConcurEvent.parse(body.getBytes(StandardCharsets.UTF_8), null);
    }
}
