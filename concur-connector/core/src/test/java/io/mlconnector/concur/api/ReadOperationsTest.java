package io.mlconnector.concur.api;

import io.mlconnector.concur.support.ConcurSandboxTest;
import io.mlconnector.concur.support.SandboxConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mlconnector.concur.support.SandboxConfig.tokenCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ESS subscription management, Expense v4 and Invoice v3 reads against the sandbox. */
class ReadOperationsTest extends ConcurSandboxTest {
    @Test
    void subscriptionsAreCreatedReadListedAndDeletedWithTheAppToken() {
        try (ConcurConnection connection = new ConcurConnectionProvider(SandboxConfig.of(concur).build()).connect()) {
            // given
            EventSubscriptionOperations ess = new EventSubscriptionOperations(connection);
            Subscription wanted = Subscription.webhook("ml-connector-fis", ConcurEvent.TOPIC_FINANCIAL_INTEGRATION,
                    ".*readyForIntegration", "https://mlconnector.example/concur/events");

            // when
            List<String> topics = ess.listTopics();
            String saved = ess.saveSubscription(wanted);
            Subscription read = ess.getSubscription("ml-connector-fis").orElseThrow();
            List<Subscription> listed = ess.listSubscriptions();
            String deleted = ess.deleteSubscription("ml-connector-fis");

            // then
            assertThat(topics).contains(ConcurEvent.TOPIC_FINANCIAL_INTEGRATION, ConcurEvent.TOPIC_EXPENSE_REPORT);
            assertThat(saved).contains("saved successfully");
            assertThat(read.topic()).isEqualTo(ConcurEvent.TOPIC_FINANCIAL_INTEGRATION);
            assertThat(read.endpoint()).isEqualTo("https://mlconnector.example/concur/events");
            assertThat(read.filter()).isEqualTo(".*readyForIntegration");
            assertThat(read.applicationId()).isNotBlank();
            assertThat(listed).extracting(Subscription::id).containsExactly("ml-connector-fis");
            assertThat(deleted).contains("marked for deletion");
            assertThat(ess.getSubscription("ml-connector-fis")).isEmpty();
            assertThat(concur.events().subscriptions()).isEmpty();
            assertThat(tokenCalls(concur.glzRequests(), "client_credentials")).hasSize(1);
            assertThat(tokenCalls(concur.glzRequests(), "password")).isEmpty();
        }
    }

    @Test
    void invalidSubscriptionIdIsRejectedBeforeCallingConcur() {
        try (ConcurConnection connection = new ConcurConnectionProvider(SandboxConfig.of(concur).build()).connect()) {
            assertThatThrownBy(() -> new EventSubscriptionOperations(connection).saveSubscription(
                    Subscription.webhook("Bad_Id", "public.test", ".*", "https://x.example")))
                    .isInstanceOfSatisfying(ConcurException.class,
                            e -> assertThat(e.type()).isEqualTo(ConcurErrorType.INVALID_MESSAGE));
            assertThat(concur.requests()).isEmpty();
        }
    }

    @Test
    void expenseReportIsReadFromTheEventHrefWithTheUserToken() {
        // given a report of the sandbox user, and that user configured for the Expense v4 path
        var sample = (com.fasterxml.jackson.databind.node.ObjectNode) io.mlconnector.concur.support.Samples
                .json("expense-v4-get-report-response.json");
        sample.remove("userId");
        sample.remove("reportId");
        List<com.fasterxml.jackson.databind.JsonNode> sampleExpenses = new java.util.ArrayList<>();
        io.mlconnector.concur.support.Samples.json("expense-v4-get-report-expenses-response.json")
                .forEach(sampleExpenses::add);
        String reportId = concur.reports().addReport(sample, sampleExpenses);
        String href = concur.reports().reportHref(reportId).toString();
        ConcurConfiguration config = SandboxConfig.of(concur).userName(concur.userName())
                .userPassword(concur.userPassword()).build();

        // when
        ExpenseReport report;
        List<com.fasterxml.jackson.databind.JsonNode> expenses;
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            report = new ExpenseOperations(connection).getReport(href);
            expenses = new ExpenseOperations(connection).getExpenses(href);
        }

        // then
        assertThat(report.reportId()).isEqualTo(reportId);
        assertThat(report.json().get("reportId").asText()).isEqualTo(reportId);
        assertThat(expenses).hasSize(2);
        assertThat(tokenCalls(concur.glzRequests(), "password")).singleElement()
                .satisfies(r -> assertThat(r.form()).containsEntry("credtype", "password"));
    }

    @Test
    void expenseReportOfAnyUserIsReadWithTheCompanyToken() {
        // given the published sample report, owned by another user
        String reportId = concur.reports().addPublishedSampleReport();
        String href = concur.reports().reportHref(reportId).toString();

        // when
        ExpenseReport report;
        try (ConcurConnection connection = new ConcurConnectionProvider(SandboxConfig.of(concur).build()).connect()) {
            report = new ExpenseOperations(connection).getReport(href);
        }

        // then
        assertThat(report.reportId()).isEqualTo(reportId);
        assertThat(report.currencyCode()).isNotBlank();
        assertThat(tokenCalls(concur.glzRequests(), "password")).singleElement()
                .satisfies(r -> assertThat(r.form()).containsEntry("credtype", "authtoken"));
    }

    @Test
    void hrefThatIsNotAnExpenseReportIsAnInvalidMessage() {
        try (ConcurConnection connection = new ConcurConnectionProvider(SandboxConfig.of(concur).build()).connect()) {
            assertThatThrownBy(() -> new ExpenseOperations(connection).getReport("https://evil.example/steal"))
                    .isInstanceOfSatisfying(ConcurException.class,
                            e -> assertThat(e.type()).isEqualTo(ConcurErrorType.INVALID_MESSAGE));
        }
    }

    @Test
    void invoicePaymentRequestIsReadFromInvoiceV3() {
        // given
        var invoice = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("Name", "Office chairs").put("TotalApprovedAmount", "1200.50").put("CurrencyCode", "EUR");
        String id = concur.reports().addPaymentRequest(invoice);

        // when
        PaymentRequest request;
        try (ConcurConnection connection = new ConcurConnectionProvider(SandboxConfig.of(concur).build()).connect()) {
            request = new InvoiceOperations(connection).getPaymentRequest(id);
        }

        // then
        assertThat(request.id()).isEqualTo(id);
        assertThat(request.json().get("Name").asText()).isEqualTo("Office chairs");
    }

    @Test
    void unknownPaymentRequestIsNotFound() {
        try (ConcurConnection connection = new ConcurConnectionProvider(SandboxConfig.of(concur).build()).connect()) {
            assertThatThrownBy(() -> new InvoiceOperations(connection).getPaymentRequest("NOPE0000000000000000"))
                    .isInstanceOfSatisfying(ConcurException.class,
                            e -> assertThat(e.type()).isEqualTo(ConcurErrorType.NOT_FOUND));
        }
    }
}
