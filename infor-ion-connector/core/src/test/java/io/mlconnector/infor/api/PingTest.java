package io.mlconnector.infor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.infor.InforSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static io.mlconnector.infor.api.SandboxFixture.connect;
import static io.mlconnector.infor.api.SandboxFixture.fastSettings;
import static org.assertj.core.api.Assertions.assertThat;

class PingTest {
    private final InforSandbox sandbox = InforSandbox.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private IonPingResult ping(InforIonConnection connection) {
        return new InforIonConnectionProvider(connection.credentials(), connection.settings()).validate(connection);
    }

    @Test
    void completeSetUpPingsClean() {
        try (InforIonConnection connection = connect(sandbox)) {
            IonPingResult result = ping(connection);

            assertThat(result.ok()).isTrue();
            assertThat(result.problems()).isEmpty();
            assertThat(result.tokenObtained()).isTrue();
            assertThat(result.imsReachable()).isTrue();
            assertThat(result.acceptedDocuments()).containsAll(MessagingOperations.CONNECTOR_DOCUMENTS);
        }
    }

    @Test
    void inactiveDataFlowIsNamed() {
        sandbox.dataFlowActive(false);
        try (InforIonConnection connection = connect(sandbox)) {
            IonPingResult result = ping(connection);

            assertThat(result.ok()).isFalse();
            assertThat(result.imsReachable()).isFalse();
            assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("data flow", "not active", "ION Desk"));
        }
    }

    @Test
    void wrongLogicalIdPointsToTheConnectionPointSetUp() {
        try (InforIonConnection connection = connect(sandbox, b -> b.fromLogicalId("lid://infor.ims.typo"), Clock.systemUTC())) {
            IonPingResult result = ping(connection);

            assertThat(result.imsReachable()).isTrue();
            assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p)
                    .contains("lid://infor.ims.typo", "IMS via API Gateway", sandbox.clientId()));
        }
    }

    @Test
    void inactiveConnectionPointIsReported() {
        sandbox.connectionPointActive(false);
        try (InforIonConnection connection = connect(sandbox)) {
            assertThat(ping(connection).problems()).anySatisfy(p -> assertThat(p).contains("connection point", "activate"));
        }
    }

    @Test
    void documentMissingFromDocumentsTabIsNamed() {
        sandbox.refuseDocument("Process.SupplierInvoice");
        try (InforIonConnection connection = connect(sandbox)) {
            IonPingResult result = ping(connection);

            assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p)
                    .contains("Process.SupplierInvoice", "Documents tab", "lid://infor.ims.mlconnector"));
            assertThat(new MessagingOperations(connection).ping(java.util.List.of("Sync.SourceSystemJournalEntry")).ok())
                    .isTrue();
        }
    }

    @Test
    void missingFromLogicalIdIsNamed() {
        try (InforIonConnection connection = connect(sandbox, b -> b.fromLogicalId(null), Clock.systemUTC())) {
            assertThat(ping(connection).problems()).anySatisfy(p -> assertThat(p).contains("fromLogicalId is not configured"));
        }
    }

    @Test
    void refusedCredentialsAreExplainedWithoutTheSecret() {
        ObjectNode ionapi = sandbox.ionapi().put("sask", "WRONG-sask-value");
        IonApiCredentials wrong = IonApiCredentials.parse(ionapi.toString());
        try (InforIonConnection connection = new InforIonConnectionProvider(wrong, fastSettings(sandbox).build()).connect()) {
            IonPingResult result = ping(connection);

            assertThat(result.tokenObtained()).isFalse();
            assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p)
                    .contains("refused the .ionapi credentials", "Authorized Apps").doesNotContain("WRONG-sask-value"));
            assertThat(sandbox.requests()).hasSize(1); // a refused login is not retried
        }
    }

    @Test
    void refusedLoginIsRememberedSoConcurrentCallersSpendOneLoginAttempt() throws Exception {
        IonApiCredentials wrong = IonApiCredentials.parse(sandbox.ionapi().put("sask", "WRONG").toString());
        try (InforIonConnection connection = new InforIonConnectionProvider(wrong, fastSettings(sandbox).build()).connect()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
            java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(pool.submit(connection::authenticate));
            }
            for (java.util.concurrent.Future<?> call : calls) {
                org.assertj.core.api.Assertions.assertThatThrownBy(call::get).cause()
                        .isInstanceOfSatisfying(InforIonException.class,
                                e -> assertThat(e.type()).isEqualTo(InforIonErrorType.UNAUTHORIZED));
            }
            pool.shutdown();

            assertThat(sandbox.requests()).hasSize(1);
        }
    }
}
