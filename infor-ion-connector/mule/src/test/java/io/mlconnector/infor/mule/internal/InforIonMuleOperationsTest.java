package io.mlconnector.infor.mule.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.infor.api.GrantType;
import io.mlconnector.infor.api.InforIonConnection;
import io.mlconnector.infor.mule.api.InforIonError;
import io.mlconnector.sandbox.infor.ImsMessage;
import io.mlconnector.sandbox.infor.InforSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mule.runtime.api.connection.ConnectionException;
import org.mule.runtime.extension.api.exception.ModuleException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Mule operations against the Infor sandbox (real HTTP servers): what ION and M3 received. */
class InforIonMuleOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOD = "<SyncSourceSystemJournalEntry><DataArea/></SyncSourceSystemJournalEntry>";
    private static final String INVOICE = """
            {"accountingEntity": "100", "supplierPartyId": "CONCUR", "invoiceNumber": "INV-9",
             "invoiceDate": "2026-11-20", "currency": "EUR", "total": 250.75, "description": "Card statement",
             "variationId": 1,
             "lines": [{"glAccount": "6120", "costCenter": "CC100", "amount": 200.00, "description": "Hotel"},
                       {"glAccount": "6130", "costCenter": "CC200", "amount": 50.75, "description": "Meals"}]}
            """;

    private InforSandbox infor;
    private IonApiConnectionProvider provider;
    private InforIonConnection connection;
    private final InforIonOperations operations = new InforIonOperations();

    @BeforeEach
    void start() throws ConnectionException {
        infor = InforSandbox.start();
        provider = provider(1024);
        connection = provider.connect();
    }

    @AfterEach
    void stop() {
        provider.disconnect(connection);
        infor.close();
    }

    private IonApiConnectionProvider provider(long maxMessageBytes) {
        return new IonApiConnectionProvider(infor.ionapiFile().toString(), null,
                new IonApiConnectionProvider.IonMessagingSettings(infor.connectionPointLogicalId(), "lid://default",
                        GrantType.PASSWORD, maxMessageBytes, 2, 10));
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bodIsPostedToImsWithItsRoutingParameters() throws Exception {
        JsonNode result = JSON.readTree(operations.postMessage(connection, text(BOD),
                "Sync.SourceSystemJournalEntry", "RPT-1-L1", "100", 1));

        ImsMessage received = infor.messages().get(0);
        assertThat(infor.messages()).hasSize(1);
        assertThat(received.documentName()).isEqualTo("Sync.SourceSystemJournalEntry");
        assertThat(received.documentId()).isEqualTo("RPT-1-L1");
        assertThat(received.accountingEntity()).isEqualTo("100");
        assertThat(received.payloadString()).isEqualTo(BOD);
        assertThat(result.path("messageId").asText()).isEqualTo(received.messageId());
    }

    @Test
    void samePostRetriedCarriesTheSameMessageId() {
        operations.postMessage(connection, text(BOD), "Sync.SourceSystemJournalEntry", "RPT-1-L1", "100", 1);
        operations.postMessage(connection, text(BOD), "Sync.SourceSystemJournalEntry", "RPT-1-L1", "100", 1);

        assertThat(infor.messages()).extracting(ImsMessage::messageId).hasSize(2).containsOnly(
                infor.messages().get(0).messageId());
    }

    @Test
    void oversizedBodRaisesPayloadTooLargeBeforeAnyRequest() {
        String large = "<BOD>" + "x".repeat(2000) + "</BOD>";

        assertThatThrownBy(() -> operations.postMessage(connection, text(large), "Sync.SourceSystemJournalEntry",
                "RPT-2", "100", 1)).isInstanceOfSatisfying(ModuleException.class,
                e -> assertThat(e.getType()).isEqualTo(InforIonError.PAYLOAD_TOO_LARGE));
        assertThat(infor.messages()).isEmpty();
    }

    @Test
    void supplierInvoiceJsonIsAddedToM3AndFoundAgain() throws Exception {
        JsonNode added = JSON.readTree(operations.addSupplierInvoice(connection, text(INVOICE)));
        JsonNode found = JSON.readTree(operations.findSupplierInvoice(connection, "CONCUR", "CONCUR", "INV-9"));

        assertThat(infor.m3().invoices()).singleElement()
                .satisfies(invoice -> assertThat(invoice.supplierInvoiceNumber()).isEqualTo("INV-9"));
        assertThat(added.path("alreadyPresent").asBoolean()).isFalse();
        assertThat(found.path("invoiceBatchNumber").asText()).isEqualTo(added.path("invoiceBatchNumber").asText());
    }

    @Test
    void unbalancedInvoiceRaisesInvalidInputAndReachesNoM3() {
        String unbalanced = INVOICE.replace("\"total\": 250.75", "\"total\": 999.00");

        assertThatThrownBy(() -> operations.addSupplierInvoice(connection, text(unbalanced)))
                .isInstanceOfSatisfying(ModuleException.class, e -> {
                    assertThat(e.getType()).isEqualTo(InforIonError.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("999");
                });
        assertThat(infor.m3().invoices()).isEmpty();
    }

    @Test
    void unknownInvoiceRaisesNotFound() {
        assertThatThrownBy(() -> operations.findSupplierInvoice(connection, "CONCUR", "CONCUR", "NO-SUCH"))
                .isInstanceOfSatisfying(ModuleException.class,
                        e -> assertThat(e.getType()).isEqualTo(InforIonError.NOT_FOUND));
    }

    @Test
    void validationFailsWithConfigurationWhenTheConnectionPointRefusesTheDocuments() {
        infor.refuseDocument("Sync.SourceSystemJournalEntry");

        var result = provider.validate(connection);

        assertThat(result.isValid()).isFalse();
        assertThat(result.getException()).isInstanceOfSatisfying(ModuleException.class,
                e -> assertThat(e.getType()).isEqualTo(InforIonError.CONFIGURATION));
        assertThat(result.getMessage()).contains("Sync.SourceSystemJournalEntry");
    }

    @Test
    void ionapiContentWorksLikeTheFileAndNeitherIsRefused() throws Exception {
        IonApiConnectionProvider fromContent = new IonApiConnectionProvider(null,
                Files.readString(infor.ionapiFile()), new IonApiConnectionProvider.IonMessagingSettings(
                infor.connectionPointLogicalId(), "lid://default", GrantType.PASSWORD, 5_242_880, 2, 10));
        IonApiConnectionProvider neither = new IonApiConnectionProvider(null, null,
                new IonApiConnectionProvider.IonMessagingSettings(infor.connectionPointLogicalId(), "lid://default",
                        GrantType.PASSWORD, 5_242_880, 2, 10));

        InforIonConnection viaContent = fromContent.connect();
        try {
            assertThat(fromContent.validate(viaContent).isValid()).isTrue();
        } finally {
            fromContent.disconnect(viaContent);
        }
        assertThatThrownBy(neither::connect).isInstanceOf(ConnectionException.class)
                .hasCauseInstanceOf(ModuleException.class)
                .hasMessageContaining("exactly one of ionapiFile and ionapiContent");
    }

    @Test
    void callsPerMinuteParameterKeepsTheGatewaysQuotaSoNoCallIsRefused() throws ConnectionException {
        // given a gateway allowing 2 calls a second and a connection told so (120 a minute)
        infor.gatewayThrottle().limit(2);
        IonApiConnectionProvider paced = new IonApiConnectionProvider(infor.ionapiFile().toString(), null,
                new IonApiConnectionProvider.IonMessagingSettings(infor.connectionPointLogicalId(), "lid://default",
                        GrantType.PASSWORD, 1024, 2, 10, 120));
        InforIonConnection pacedConnection = paced.connect();
        try {
            // when the flow posts six messages one after the other
            for (int i = 1; i <= 6; i++) {
                operations.postMessage(pacedConnection, text(BOD), "Sync.SourceSystemJournalEntry", "RPT-P-" + i,
                        "100", 1);
            }

            // then ION took all six and never had to answer 429 (unpaced, the burst is refused above two calls)
            assertThat(infor.messages()).hasSize(6);
            assertThat(infor.gatewayThrottle().refusedCount()).as("calls refused with 429").isZero();
        } finally {
            paced.disconnect(pacedConnection);
        }
    }
}
