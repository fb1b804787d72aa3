package io.mlconnector.infor.api;

import io.mlconnector.sandbox.http.Fault;
import io.mlconnector.sandbox.infor.InforSandbox;
import io.mlconnector.sandbox.infor.M3Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.mlconnector.infor.api.SandboxFixture.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class M3OperationsTest {
    private final InforSandbox sandbox = InforSandbox.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static SupplierInvoice invoice(String number, String costCenter) {
        return SupplierInvoice.builder().accountingEntity("100").supplierPartyId("CONCUR").invoiceNumber(number)
                .invoiceDate(LocalDate.of(2026, 11, 20)).currency("EUR").total(new BigDecimal("250.75"))
                .description("Card statement")
                .line("6120", "CC100", new BigDecimal("200.00"), null, "Hotel & breakfast")
                .line("6130", costCenter, new BigDecimal("50.75"), null, "Meals").build();
    }

    @Test
    void supplierInvoiceBecomesHeadAndCostLinesWithGlAccountAndCostCenter() {
        try (InforIonConnection connection = connect(sandbox)) {
            M3InvoiceResult result = new M3Operations(connection).addSupplierInvoice(invoice("INV-1", "CC200"));

            assertThat(result.alreadyPresent()).isFalse();
            assertThat(result.linesAdded()).isEqualTo(2);
            M3Sandbox.SupplierInvoice head = sandbox.m3().invoice(result.invoiceBatchNumber()).orElseThrow();
            assertThat(head.division()).isEqualTo("100");
            assertThat(head.supplier()).isEqualTo("CONCUR");
            assertThat(head.supplierInvoiceNumber()).isEqualTo("INV-1");
            assertThat(head.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(head.foreignCurrencyAmount()).isEqualByComparingTo("250.75");
            assertThat(head.correlationId()).startsWith("MLC").hasSize(10);
            assertThat(head.lines()).extracting(M3Sandbox.InvoiceLine::lineType).containsOnly(8);
            assertThat(head.lines()).extracting(M3Sandbox.InvoiceLine::glAccount).containsExactly("6120", "6130");
            assertThat(head.lines()).extracting(M3Sandbox.InvoiceLine::costCenter).containsExactly("CC100", "CC200");
            assertThat(head.lines()).extracting(M3Sandbox.InvoiceLine::voucherText)
                    .containsExactly("Hotel & breakfast", "Meals");
            BigDecimal lines = head.lines().stream().map(M3Sandbox.InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(lines).isEqualByComparingTo(head.foreignCurrencyAmount());
        }
    }

    @Test
    void secondAddOfTheSameInvoiceFindsItAndAddsNothing() {
        try (InforIonConnection connection = connect(sandbox)) {
            M3Operations m3 = new M3Operations(connection);
            M3InvoiceResult first = m3.addSupplierInvoice(invoice("INV-2", "CC200"));

            M3InvoiceResult again = m3.addSupplierInvoice(invoice("INV-2", "CC200"));

            assertThat(again.alreadyPresent()).isTrue();
            assertThat(again.invoiceBatchNumber()).isEqualTo(first.invoiceBatchNumber());
            assertThat(sandbox.m3().invoices()).hasSize(1);
            assertThat(m3.findSupplierInvoice("CONCUR", "CONCUR", "INV-2")).contains(first.invoiceBatchNumber());
            assertThat(m3.findSupplierInvoice("CONCUR", "CONCUR", "INV-404")).isEmpty();
        }
    }

    @Test
    void refusedLineIsAnM3ErrorNamingTheIncompleteBatch() {
        try (InforIonConnection connection = connect(sandbox)) {
            assertThatThrownBy(() -> new M3Operations(connection).addSupplierInvoice(invoice("INV-3", "CC999")))
                    .isInstanceOfSatisfying(InforIonException.class, e -> {
                        assertThat(e.type()).isEqualTo(InforIonErrorType.M3_ERROR);
                        assertThat(e.vendorCode()).isEqualTo("APS450MI/AddLine");
                        assertThat(e.getMessage()).contains("line 2", "AIT2", "CC999", "incomplete",
                                sandbox.m3().invoices().get(0).invoiceBatchNumber());
                    });
        }
    }

    @Test
    void creatingCallsAreNotRepeatedAfterAServerError() {
        // a 502 on AddHead may hide a created head: no blind retry
        sandbox.faults().inject(Fault.status(502).onPath(".*/APS450MI/AddHead.*"), 1);
        try (InforIonConnection connection = connect(sandbox)) {
            assertThatThrownBy(() -> new M3Operations(connection).addSupplierInvoice(invoice("INV-4", "CC200")))
                    .isInstanceOfSatisfying(InforIonException.class,
                            e -> assertThat(e.type()).isEqualTo(InforIonErrorType.CONNECTIVITY));
            assertThat(sandbox.requests().stream().filter(r -> r.path().endsWith("/AddHead"))).hasSize(1);
        }
    }

    @Test
    void throttledCreatingCallIsRetriedAfterRetryAfter() {
        sandbox.faults().inject(Fault.throttled(Duration.ofSeconds(1)).onPath(".*/APS450MI/AddHead.*"), 1);
        try (InforIonConnection connection = connect(sandbox)) {
            new M3Operations(connection).addSupplierInvoice(invoice("INV-5", "CC200"));

            List<io.mlconnector.sandbox.http.SimRequest> heads = sandbox.requests().stream()
                    .filter(r -> r.path().endsWith("/AddHead")).toList();
            assertThat(heads).hasSize(2);
            assertThat(Duration.between(heads.get(0).receivedAt(), heads.get(1).receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(sandbox.m3().invoices()).hasSize(1);
        }
    }
}
