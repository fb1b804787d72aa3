package io.mlconnector.infor.camel;

import io.mlconnector.infor.api.AccountCode;
import io.mlconnector.infor.api.Bod;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.IonPingResult;
import io.mlconnector.infor.api.JournalEntry;
import io.mlconnector.infor.api.M3InvoiceResult;
import io.mlconnector.infor.api.PostResult;
import io.mlconnector.infor.api.SupplierInvoice;
import io.mlconnector.infor.api.ValidationResult;
import io.mlconnector.sandbox.infor.ImsMessage;
import io.mlconnector.sandbox.infor.InforSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InforIonComponentTest {
    private final InforSandbox sandbox = InforSandbox.start();
    private CamelContext camel;
    private ProducerTemplate template;

    @TempDir
    Path dir;

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        // the component is found by its scheme (META-INF/services) and configured like camel-main would
        InforIonComponent component = camel.getComponent("infor-ion", InforIonComponent.class);
        component.setIonapiFile(sandbox.ionapiFile().toString());
        component.setFromLogicalId(sandbox.connectionPointLogicalId());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:post").to("infor-ion:post-bod");
                from("direct:post-process").to("infor-ion:post-bod?verb=PROCESS");
                from("direct:build").to("infor-ion:build-bod");
                from("direct:validate").to("infor-ion:validate");
                from("direct:check").to("infor-ion:validate?failOnUnknown=false");
                from("direct:ping").to("infor-ion:ping");
                from("direct:m3").to("infor-ion:m3-add-supplier-invoice");
                from("direct:documents").to("infor-ion:accepted-documents");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        sandbox.close();
    }

    private static JournalEntry entry(String id, String costCenter) {
        return JournalEntry.builder().accountingEntity("100").documentId(id).currency("USD")
                .postingDate(LocalDate.of(2026, 11, 27)).debit("6110", costCenter, new BigDecimal("99.90"), "Flight")
                .credit("2110", null, new BigDecimal("99.90"), "Card").build();
    }

    @Test
    void postBodRoutePostsTheJournalEntryAndSetsHeaders() {
        Exchange out = template.request("direct:post", e -> e.getMessage().setBody(entry("R-1", "CC100")));

        assertThat(out.getException()).isNull();
        PostResult result = out.getMessage().getBody(PostResult.class);
        assertThat(result.httpStatus()).isEqualTo(202);
        assertThat(out.getMessage().getHeader(InforIonHeaders.MESSAGE_ID)).isEqualTo(result.messageId());
        assertThat(out.getMessage().getHeader(InforIonHeaders.DOCUMENT_NAME)).isEqualTo("Sync.SourceSystemJournalEntry");
        ImsMessage received = sandbox.messages().get(0);
        assertThat(received.messageId()).isEqualTo(result.messageId());
        assertThat(received.documentId()).isEqualTo("R-1");
        assertThat(received.payloadString()).contains("<GLNominalAccount>6110</GLNominalAccount>");
    }

    @Test
    void verbComesFromTheUriOptionOrTheHeader() {
        template.requestBody("direct:post-process", entry("R-2", "CC100"));
        template.requestBodyAndHeader("direct:post", entry("R-3", "CC100"), InforIonHeaders.VERB, "Process");

        assertThat(sandbox.messages()).extracting(ImsMessage::documentName)
                .containsExactly("Process.SourceSystemJournalEntry", "Process.SourceSystemJournalEntry");
    }

    @Test
    void buildBodReturnsTheBodAndItsSizeWithoutPosting() {
        Exchange out = template.request("direct:build", e -> e.getMessage().setBody(entry("R-4", "CC100")));

        Bod bod = out.getMessage().getBody(Bod.class);
        assertThat(out.getMessage().getHeader(InforIonHeaders.BOD_SIZE)).isEqualTo(bod.size());
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void validateRouteFailsWithNotFoundNamingTheUnknownCostCenter() {
        assertThatThrownBy(() -> template.requestBody("direct:validate", entry("R-5", "CC999")))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOfSatisfying(InforIonException.class, e -> {
                    assertThat(e.type()).isEqualTo(InforIonErrorType.NOT_FOUND);
                    assertThat(e.getMessage()).contains("cost center CC999");
                });
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void validateWithoutFailingReportsEveryUnknownCode() {
        Exchange out = template.request("direct:check", e -> {
            e.getMessage().setBody(List.of(AccountCode.glAccount("6120"), AccountCode.glAccount("9999"),
                    AccountCode.costCenter("CC000")));
            e.getMessage().setHeader(InforIonHeaders.ACCOUNTING_ENTITY, "200");
        });

        assertThat(out.getMessage().getHeader(InforIonHeaders.VALID)).isEqualTo(false);
        assertThat(out.getMessage().getBody(ValidationResult.class).unknown())
                .containsExactly(AccountCode.glAccount("9999"), AccountCode.costCenter("CC000"));
    }

    @Test
    void csvChartOfAccountsIsUsedWhenConfigured() {
        camel.getComponent("infor-ion", InforIonComponent.class)
                .setChartOfAccountsCsv(sandbox.chart().exportCsv(dir.resolve("chart.csv")).toString());
        Exchange out = template.request("direct:check", e -> e.getMessage().setBody(entry("R-6", "CC100")));

        assertThat(out.getMessage().getHeader(InforIonHeaders.VALID)).isEqualTo(true);
        assertThat(sandbox.requests()).noneMatch(r -> r.path().contains("CRS630MI"));
    }

    @Test
    void pingRouteReportsTheSetUp() {
        sandbox.dataFlowActive(false);
        Exchange out = template.request("direct:ping", e -> { });

        assertThat(out.getMessage().getHeader(InforIonHeaders.PING_OK)).isEqualTo(false);
        assertThat(out.getMessage().getBody(IonPingResult.class).problems())
                .anySatisfy(p -> assertThat(p).contains("data flow"));
    }

    @Test
    void m3RoutePostsOverRestOnce() {
        SupplierInvoice invoice = SupplierInvoice.builder().accountingEntity("100").supplierPartyId("CONCUR")
                .invoiceNumber("C-1").invoiceDate(LocalDate.of(2026, 11, 1)).currency("USD")
                .total(new BigDecimal("10.00")).line("6190", "CC300", new BigDecimal("10.00"), null, "Other").build();

        Exchange first = template.request("direct:m3", e -> e.getMessage().setBody(invoice));
        Exchange second = template.request("direct:m3", e -> e.getMessage().setBody(invoice));

        assertThat(first.getMessage().getBody(M3InvoiceResult.class).alreadyPresent()).isFalse();
        assertThat(second.getMessage().getHeader(InforIonHeaders.M3_ALREADY_PRESENT)).isEqualTo(true);
        assertThat(second.getMessage().getHeader(InforIonHeaders.M3_INVOICE_BATCH_NUMBER))
                .isEqualTo(first.getMessage().getHeader(InforIonHeaders.M3_INVOICE_BATCH_NUMBER));
        assertThat(sandbox.m3().invoices()).hasSize(1);
    }

    @Test
    void configurationErrorReachesTheRouteWithItsType() {
        sandbox.refuseDocument("Sync.SourceSystemJournalEntry");
        Exchange out = template.request("direct:post", e -> e.getMessage().setBody(entry("R-7", "CC100")));

        assertThat(out.getException()).isInstanceOfSatisfying(InforIonException.class,
                e -> assertThat(e.type()).isEqualTo(InforIonErrorType.CONFIGURATION));
        assertThat(out.getMessage().getHeader(InforIonHeaders.ERROR_TYPE)).isEqualTo("CONFIGURATION");
    }

    @Test
    void stoppingCamelRevokesTheComponentsToken() {
        template.requestBody("direct:documents", (Object) null);
        camel.stop();
        assertThat(sandbox.revocationCount()).isEqualTo(1);
    }

    @Test
    void unknownOperationIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("infor-ion:post-journal")).hasMessageContaining("post-bod");
    }

    @Test
    void wrongBodyIsAnInvalidInputError() {
        Exchange out = template.request("direct:post", e -> e.getMessage().setBody(Map.of("not", "a model")));
        assertThat(out.getException()).isInstanceOfSatisfying(InforIonException.class,
                e -> assertThat(e.type()).isEqualTo(InforIonErrorType.INVALID_INPUT));
    }

    @Test
    void callsPerMinuteOptionKeepsTheGatewaysQuotaSoNoCallIsRefused() {
        // given a gateway allowing 2 calls a second and the component told so (120 a minute) before its first call
        sandbox.gatewayThrottle().limit(2);
        camel.getComponent("infor-ion", InforIonComponent.class).setCallsPerMinute(120);

        // when a route posts six journal entries one after the other
        for (int i = 1; i <= 6; i++) {
            String id = "R-PACED-" + i;
            template.request("direct:post", e -> e.getMessage().setBody(entry(id, "CC100")));
        }

        // then ION took all six and never had to answer 429 (unpaced, the burst is refused above two calls)
        assertThat(sandbox.messages()).hasSize(6);
        assertThat(sandbox.gatewayThrottle().refusedCount()).as("calls refused with 429").isZero();
    }
}
