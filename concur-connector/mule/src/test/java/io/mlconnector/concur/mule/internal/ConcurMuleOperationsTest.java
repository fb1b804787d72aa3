package io.mlconnector.concur.mule.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.mule.api.AuditMessage;
import io.mlconnector.concur.mule.api.ConcurError;
import io.mlconnector.concur.mule.api.ConcurEventAttributes;
import io.mlconnector.concur.mule.api.ErpDocument;
import io.mlconnector.concur.mule.api.PostingStatus;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.concur.FisState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mule.runtime.api.connection.ConnectionException;
import org.mule.runtime.api.connection.ConnectionValidationResult;
import org.mule.runtime.extension.api.exception.ModuleException;
import org.mule.runtime.extension.api.runtime.operation.Result;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Mule operations against the Concur sandbox (a real HTTP server): what Concur receives, what the flow sees. */
class ConcurMuleOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConcurSandbox concur;
    private ConcurConnectionProvider provider;
    private ConcurConnection connection;
    private final ConcurOperations operations = new ConcurOperations();

    @BeforeEach
    void start() throws ConnectionException {
        concur = ConcurSandbox.start(ConcurSandboxSettings.builder().retryBackoff(Duration.ofMillis(50)).build());
        provider = provider(concur.clientSecret());
        connection = provider.connect();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            provider.disconnect(connection);
        }
        concur.close();
    }

    private ConcurConnectionProvider provider(String clientSecret) {
        return new ConcurConnectionProvider(
                new ConcurCredentials(concur.clientId(), clientSecret, concur.companyId(),
                        concur.newCompanyRequestToken()),
                new ConcurConnectionSettings(concur.glzUri().toString(), "ML-CONNECTOR", 2, 5, 2));
    }

    private String readyExpenseReport() {
        String fisId = concur.fis().add("expense", new ConcurDocumentGenerator(7).expenseReport(2));
        concur.fis().approve(fisId);
        return fisId;
    }

    @Test
    void documentIsFetchedAcknowledgedAndConfirmedThroughTheMuleOperations() throws Exception {
        String fisId = readyExpenseReport();
        String reportId = concur.fis().businessId(fisId);

        JsonNode fetched = JSON.readTree(operations.getFisDocument(connection, FisDocType.EXPENSE, reportId, false,
                "corr-1"));
        operations.acknowledge(connection, FisDocType.EXPENSE, List.of(fetched.path("id").asText()), "corr-1");
        JsonNode confirmed = JSON.readTree(operations.confirmPosting(connection, FisDocType.EXPENSE, fisId,
                PostingStatus.SUCCESS, List.of(new ErpDocument("100", "BOD-42", "2026", "2026-11-28")), List.of(),
                "corr-1"));

        assertThat(fetched.path("id").asText()).isEqualTo(fisId);
        assertThat(fetched.path("businessId").asText()).isEqualTo(reportId);
        assertThat(fetched.path("document").has("expenseEntry")).isTrue();
        assertThat(concur.fis().state(fisId)).isEqualTo(FisState.POSTED);
        assertThat(concur.fis().postingConfirmations(fisId)).singleElement().asString().contains("BOD-42")
                .contains("2026-11-28");
        assertThat(confirmed.get(0).path("docId").asText()).isEqualTo(fisId);
    }

    @Test
    void errorConfirmationCarriesTheAuditMessagesToConcur() {
        String fisId = readyExpenseReport();
        operations.acknowledge(connection, FisDocType.EXPENSE, List.of(fisId), null);

        operations.confirmPosting(connection, FisDocType.EXPENSE, fisId, PostingStatus.ERROR, List.of(),
                List.of(new AuditMessage("INFOR-ION:INVALID_MESSAGE", "GL account 6199 is closed", null)), null);

        assertThat(concur.fis().postingConfirmations(fisId)).singleElement().asString()
                .contains("GL account 6199 is closed").contains("error");
    }

    @Test
    void successConfirmationWithoutErpDocumentsIsRefusedBeforeConcurIsCalled() {
        String fisId = readyExpenseReport();
        operations.acknowledge(connection, FisDocType.EXPENSE, List.of(fisId), null);

        assertThatThrownBy(() -> operations.confirmPosting(connection, FisDocType.EXPENSE, fisId,
                PostingStatus.SUCCESS, List.of(), List.of(), null))
                .isInstanceOfSatisfying(ModuleException.class,
                        e -> assertThat(e.getType()).isEqualTo(ConcurError.INVALID_MESSAGE));
        assertThat(concur.fis().postingConfirmations(fisId)).isEmpty();
    }

    @Test
    void recalledDocumentRaisesRecalledOnAcknowledge() {
        String fisId = readyExpenseReport();
        concur.fis().recall(fisId);

        assertThatThrownBy(() -> operations.acknowledge(connection, FisDocType.EXPENSE, List.of(fisId), null))
                .isInstanceOfSatisfying(ModuleException.class,
                        e -> assertThat(e.getType()).isEqualTo(ConcurError.RECALLED));
    }

    @Test
    void unknownReportRaisesNotFound() {
        assertThatThrownBy(() -> operations.getFisDocument(connection, FisDocType.EXPENSE, "NO-SUCH-REPORT", false,
                null)).isInstanceOfSatisfying(ModuleException.class,
                e -> assertThat(e.getType()).isEqualTo(ConcurError.NOT_FOUND));
    }

    @Test
    void validationReportsTheConcurErrorTypeOfWrongCredentials() throws ConnectionException {
        ConcurConnectionProvider wrong = provider("not-the-secret");
        ConcurConnection wrongConnection = wrong.connect();
        try {
            ConnectionValidationResult result = wrong.validate(wrongConnection);

            assertThat(result.isValid()).isFalse();
            assertThat(result.getException()).isInstanceOfSatisfying(ModuleException.class,
                    e -> assertThat(e.getType()).isEqualTo(ConcurError.AUTHENTICATION_FAILED));
            assertThat(result.getMessage()).doesNotContain("not-the-secret");
        } finally {
            wrong.disconnect(wrongConnection);
        }
    }

    @Test
    void validationSucceedsWithTheSandboxCredentials() {
        assertThat(provider.validate(connection).isValid()).isTrue();
    }

    @Test
    void signedEventIsVerifiedAndItsIdBecomesTheDedupAttribute() throws Exception {
        ConcurConfig config = new ConcurConfig(List.of(concur.webhookPublicKeyPem().toString()),
                concur.signatureAlgorithm());
        byte[] body = ("{\"id\":\"evt-1\",\"topic\":\"public.concur.financialintegration\",\"eventType\":"
                + "\"expense.readyForIntegration\",\"facts\":{\"documentId\":\"RPT-9\"}}")
                .getBytes(StandardCharsets.UTF_8);

        Result<String, ConcurEventAttributes> event = operations.verifyEvent(config,
                new ByteArrayInputStream(body), sign(body), "delivery-1");

        assertThat(event.getOutput()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(event.getAttributes()).hasValueSatisfying(attributes -> {
            assertThat(attributes.getEventId()).isEqualTo("evt-1");
            assertThat(attributes.getDocumentId()).isEqualTo("RPT-9");
            assertThat(attributes.getFisDocType()).isEqualTo("EXPENSE");
        });
    }

    @Test
    void tamperedEventRaisesUnauthorizedSoTheListenerAnswers401() throws Exception {
        ConcurConfig config = new ConcurConfig(List.of(concur.webhookPublicKeyPem().toString()),
                concur.signatureAlgorithm());
        byte[] body = "{\"id\":\"evt-1\",\"topic\":\"t\",\"eventType\":\"e\"}".getBytes(StandardCharsets.UTF_8);
        String signature = sign(body);
        byte[] tampered = "{\"id\":\"evt-2\",\"topic\":\"t\",\"eventType\":\"e\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> operations.verifyEvent(config, new ByteArrayInputStream(tampered), signature, null))
                .isInstanceOfSatisfying(ModuleException.class,
                        e -> assertThat(e.getType()).isEqualTo(ConcurError.UNAUTHORIZED));
    }

    @Test
    void signedBodyThatIsNotAnEventRaisesInvalidMessage() throws Exception {
        ConcurConfig config = new ConcurConfig(List.of(concur.webhookPublicKeyPem().toString()),
                concur.signatureAlgorithm());
        byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> operations.verifyEvent(config, new ByteArrayInputStream(body), sign(body), null))
                .isInstanceOfSatisfying(ModuleException.class,
                        e -> assertThat(e.getType()).isEqualTo(ConcurError.INVALID_MESSAGE));
    }

    private String sign(byte[] body) throws Exception {
        Signature signer = Signature.getInstance(concur.signatureAlgorithm());
        signer.initSign(concur.webhookSigningKeys().getPrivate());
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    @Test
    void callsPerMinuteParameterSpacesTheConnectionsCallsToConcur() throws ConnectionException {
        // given a connection told to call Concur at most 120 times a minute (one call every 500 ms)
        ConcurConnectionProvider paced = new ConcurConnectionProvider(
                new ConcurCredentials(concur.clientId(), concur.clientSecret(), concur.companyId(),
                        concur.newCompanyRequestToken()),
                new ConcurConnectionSettings(concur.glzUri().toString(), "ML-CONNECTOR", 2, 5, 2, 120));
        ConcurConnection pacedConnection = paced.connect();
        try {
            // when the flow pings Concur four times
            long started = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                operations.ping(pacedConnection);
            }

            // then the calls reached Concur no faster than the rate: at least three intervals apart in all
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        } finally {
            paced.disconnect(pacedConnection);
        }
    }
}
