package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurReportsTest {
    private ConcurSandbox sandbox;
    private SimServer receiver;

    @BeforeEach
    void start() {
        sandbox = ConcurSandbox.start();
        receiver = SimServer.start("webhook-receiver", 0);
        receiver.route("POST", "/webhook", request -> SimResponse.empty(204));
        sandbox.events().subscribe("reports", ConcurEvents.TOPIC_EXPENSE_REPORT, ".*",
                receiver.baseUri().resolve("/webhook"));
        sandbox.events().subscribe("invoices", ConcurEvents.TOPIC_INVOICE_PAYMENT_REQUEST, ".*",
                receiver.baseUri().resolve("/webhook"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void approvedReportIsReadThroughTheEventHrefWithACompanyToken() {
        // given the published Expense v4 report
        String reportId = sandbox.reports().addPublishedSampleReport();
        String company = Http.companyToken(sandbox).get("access_token").asText();

        // when it is approved and the connector follows facts.href
        sandbox.reports().approveReport(reportId, "A_APPR");
        sandbox.events().awaitIdle(Duration.ofSeconds(10));
        JsonNode event = receiver.requests().get(0).json();
        URI href = URI.create(event.get("facts").get("href").asText());
        Http.Answer report = Http.get(href, company);
        Http.Answer expenses = Http.get(URI.create(href + "/expenses"), company);

        // then the statusChanged facts and the report match
        JsonNode sample = ConcurFis.Samples.json("ess-webhook-expense-report-status-changed-manager-pending.json");
        assertThat(event.fieldNames()).toIterable().containsExactlyElementsOf(() -> sample.fieldNames());
        assertThat(event.get("facts").fieldNames()).toIterable()
                .containsExactlyElementsOf(() -> sample.get("facts").fieldNames());
        assertThat(event.get("eventType").asText()).isEqualTo("statusChanged");
        assertThat(event.get("facts").get("currentApprovalStatus").asText()).isEqualTo("A_APPR");
        assertThat(event.get("facts").get("previousApprovalStatus").asText()).isEqualTo("A_NOTF");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("reportId").asText()).isEqualTo("764428DD6A664AF0BFCB");
        assertThat(report.json().get("approvalStatusId").asText()).isEqualTo("A_APPR");
        assertThat(expenses.json()).hasSize(2);
    }

    @Test
    void userTokenReadsOnlyItsOwnReports() {
        // given a report of the sandbox user and a user token
        ObjectNode report = SimServer.JSON.createObjectNode().put("name", "March");
        String reportId = sandbox.reports().addReport(report, List.of());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", sandbox.clientId());
        form.put("client_secret", sandbox.clientSecret());
        form.put("grant_type", "password");
        form.put("username", sandbox.userName());
        form.put("password", sandbox.userPassword());
        String user = Http.postForm(Http.token(sandbox.glzUri()), form).json().get("access_token").asText();

        // when it reads its own report and another user's path
        Http.Answer own = Http.get(sandbox.reports().reportHref(reportId), user);
        Http.Answer other = Http.get(sandbox.dataCentreUri().resolve("/expensereports/v4/users/"
                + "00000000-0000-0000-0000-000000000000/context/TRAVELER/reports/" + reportId), user);

        // then the own report is served and the other path is forbidden
        assertThat(own.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void unknownReportAnswers404WithTheExpenseErrorMessage() {
        // given a company token
        String company = Http.companyToken(sandbox).get("access_token").asText();

        // when an unknown report is read
        Http.Answer answer = Http.get(sandbox.dataCentreUri().resolve("/expensereports/v4/users/"
                + sandbox.userId() + "/context/TRAVELER/reports/NOPE"), company);

        // then the Expense v4 ErrorMessage shape
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().has("errorId")).isTrue();
        assertThat(answer.json().get("httpStatus").asInt()).isEqualTo(404);
    }

    @Test
    void paymentRequestIsPublishedAndReadThroughInvoiceV3() {
        // given an invoice v3 payment request
        ObjectNode request = SimServer.JSON.createObjectNode().put("VendorName", "Acme").put("TotalApprovedAmount", "50.00");
        String company = Http.companyToken(sandbox).get("access_token").asText();

        // when it is added and read back by the event's href
        String id = sandbox.reports().addPaymentRequest(request);
        sandbox.events().awaitIdle(Duration.ofSeconds(10));
        JsonNode event = receiver.requests().get(0).json();
        Http.Answer read = Http.get(URI.create(event.get("facts").get("href").asText()), company);
        Http.Answer missing = Http.get(sandbox.dataCentreUri().resolve("/api/v3.0/invoice/paymentrequest/NOPE"), company);

        // then the event names it and v3 serves it
        assertThat(event.get("topic").asText()).isEqualTo(ConcurEvents.TOPIC_INVOICE_PAYMENT_REQUEST);
        assertThat(event.get("facts").get("requestId").asText()).isEqualTo(id);
        assertThat(read.json().get("ID").asText()).isEqualTo(id);
        assertThat(read.json().get("VendorName").asText()).isEqualTo("Acme");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("Error").get("Message").asText()).contains("NOPE");
    }
}
