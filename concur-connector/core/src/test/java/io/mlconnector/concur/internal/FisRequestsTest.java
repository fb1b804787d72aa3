package io.mlconnector.concur.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.api.FisOutcome;
import io.mlconnector.concur.api.PaymentConfirmation;
import io.mlconnector.concur.api.PaymentConfirmation.ClearingDetail;
import io.mlconnector.concur.api.PaymentConfirmation.ClearingReference;
import io.mlconnector.concur.api.PaymentConfirmation.Receiver;
import io.mlconnector.concur.api.PostingConfirmation;
import io.mlconnector.concur.api.PostingConfirmation.PostingDoc;
import io.mlconnector.concur.api.PostingConfirmation.SystemMessage;
import io.mlconnector.concur.support.Samples;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FisRequestsTest {

    @Test
    void acknowledgementBodyHasTheDocumentedShape() {
        // given
        JsonNode sample = Samples.json("fis-acknowledgements-request.json");
        List<String> ids = new ArrayList<>();
        sample.get("ids").forEach(id -> ids.add(id.asText()));

        // when
        ObjectNode body = FisRequests.acknowledgements(ids, "ML-CONNECTOR");

        // then: the sample's ids plus the systemId the swagger requires
        ObjectNode expected = sample.deepCopy();
        expected.put("systemId", "ML-CONNECTOR");
        assertThat(body).isEqualTo(expected);
    }

    @Test
    void postingConfirmationBodyEqualsThePublishedRequest() {
        // given the same content as the published example: one error, one success with two ERP documents
        JsonNode sample = Samples.json("fis-posting-confirmations-request.json");
        PostingConfirmation error = PostingConfirmation.error("0c06ab044834454d91f83cbd7b6431d2", List.of(
                new SystemMessage("", "010-CTE-POSTING", "EN",
                        "Expense Report {ReportKey} of system CONCUR could not be posted.", ""),
                new SystemMessage("", "003-CC", "EN",
                        "Profit centre /company code assignment is not correct. Check the entry.", "")));
        PostingConfirmation success = PostingConfirmation.success("3331dbeb8e2240ffad7ab5b69492722a", List.of(
                new PostingDoc("0100", "0123456", "2018", LocalDate.of(2018, 3, 2)),
                new PostingDoc("0800", "0123478", "2018", LocalDate.of(2018, 3, 2))));

        // when
        ObjectNode body = FisRequests.postingConfirmations(List.of(error, success), "");

        // then
        assertThat(body).isEqualTo(sample);
    }

    @Test
    void paymentConfirmationBodyEqualsThePublishedRequest() {
        // given the published example's five confirmations
        JsonNode sample = Samples.json("fis-payment-confirmations-request.json");
        List<PaymentConfirmation> confirmations = new ArrayList<>();
        for (JsonNode c : sample.get("processingConfirmation")) {
            JsonNode d = c.at("/clearingDetails/0");
            confirmations.add(new PaymentConfirmation(c.get("docId").asText(), c.get("processingStatusCode").asText(),
                    c.has("additionalMessage") ? c.get("additionalMessage").asText() : null,
                    List.of(new ClearingDetail(Instant.parse(d.get("clearingDate").asText()),
                            d.get("clearingAmount").decimalValue(), d.get("clearingCurrency").asText(),
                            new Receiver(d.at("/receiver/receiverId").asText(), d.at("/receiver/receiverName").asText(),
                                    d.at("/receiver/receiverType").asText()),
                            new ClearingReference(d.at("/clearingReference/companyCode").asText(),
                                    d.at("/clearingReference/financialDocumentId").asText(),
                                    d.at("/clearingReference/fiscalYear").asText(),
                                    d.at("/clearingReference/paymentRef").asText(),
                                    d.at("/clearingReference/paymentMethod").asText())))));
        }

        // when
        ObjectNode body = FisRequests.paymentConfirmations(confirmations, "");

        // then: identical except clearingDate, which we send in the documented .SSS form (the sample has ".27Z")
        assertThat(body.at("/processingConfirmation/0/clearingDetails/0/clearingDate").asText())
                .isEqualTo("2019-02-06T12:00:00.270Z");
        ObjectNode expected = sample.deepCopy();
        expected.get("processingConfirmation").forEach(c -> c.get("clearingDetails").forEach(d ->
                ((ObjectNode) d).put("clearingDate", "2019-02-06T12:00:00.270Z")));
        assertThat(body).isEqualTo(expected);
    }

    @Test
    void successConfirmationWithoutPostingDocsIsRejectedBeforeSending() {
        assertThatThrownBy(() -> PostingConfirmation.success("3331dbeb8e2240ffad7ab5b69492722a", List.of()))
                .isInstanceOfSatisfying(ConcurException.class,
                        e -> assertThat(e.type()).isEqualTo(ConcurErrorType.INVALID_MESSAGE));
    }

    @Test
    void errorConfirmationWithoutSystemMessagesIsRejectedBeforeSending() {
        assertThatThrownBy(() -> PostingConfirmation.error("3331dbeb8e2240ffad7ab5b69492722a", List.of()))
                .isInstanceOfSatisfying(ConcurException.class,
                        e -> assertThat(e.type()).isEqualTo(ConcurErrorType.INVALID_MESSAGE));
    }

    @Test
    void perItemResultCodesBecomeTypedOutcomes() {
        // given the published acknowledgement and posting-confirmation answers
        List<FisItemResult> acks = FisParser.results(Samples.json("fis-acknowledgements-response.json"));
        List<FisItemResult> postings = FisParser.results(Samples.json("fis-posting-confirmations-response.json"));

        // then
        assertThat(acks).extracting(FisItemResult::outcome)
                .containsExactly(FisOutcome.SUCCESS, FisOutcome.ALREADY_ACKNOWLEDGED);
        assertThat(acks).extracting(FisItemResult::isDone).containsExactly(true, true);
        assertThat(acks.get(1).errorMessage()).startsWith("This document was previously acknowledged");
        assertThat(postings).extracting(FisItemResult::outcome)
                .containsExactly(FisOutcome.SUCCESS, FisOutcome.POSTING_NOT_FOUND);
        assertThat(postings.get(1).isDone()).isFalse();
        assertThat(FisOutcome.of(102).isRecalled()).isTrue();
        assertThat(FisOutcome.of(113)).isEqualTo(FisOutcome.ALREADY_CONFIRMED);
        assertThat(FisOutcome.of(113).isDone()).isTrue();
        assertThat(FisOutcome.of(298)).isEqualTo(FisOutcome.INVALID_PAYMENT_REQUEST);
        assertThat(FisOutcome.of(4242)).isEqualTo(FisOutcome.UNKNOWN);
    }
}
