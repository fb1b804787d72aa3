package io.mlconnector.infor.api;

import io.mlconnector.sandbox.infor.InforSandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.UnaryOperator;

/** Connections to an {@link InforSandbox} with short backoffs, and small balanced entries. */
final class SandboxFixture {
    private SandboxFixture() {
    }

    static InforIonSettings.Builder fastSettings(InforSandbox sandbox) {
        return InforIonSettings.builder().fromLogicalId(sandbox.connectionPointLogicalId())
                .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(200)).maxAttempts(4)
                .requestTimeout(Duration.ofSeconds(10));
    }

    static InforIonConnection connect(InforSandbox sandbox, UnaryOperator<InforIonSettings.Builder> settings, Clock clock) {
        return new InforIonConnectionProvider(IonApiCredentials.load(sandbox.ionapiFile()),
                settings.apply(fastSettings(sandbox)).build(), clock).connect();
    }

    static InforIonConnection connect(InforSandbox sandbox) {
        return connect(sandbox, b -> b, Clock.systemUTC());
    }

    static JournalEntry entry(String documentId) {
        return JournalEntry.builder().accountingEntity("100").documentId(documentId).currency("USD")
                .postingDate(LocalDate.of(2026, 11, 27)).description("Concur report " + documentId)
                .debit("6120", "CC100", new BigDecimal("120.00"), "Hotel")
                .debit("6130", "CC200", new BigDecimal("30.55"), "Meals")
                .credit("2100", null, new BigDecimal("150.55"), "Employee payable").build();
    }

    static Bod syncBod(InforIonConnection connection, String documentId) {
        return new BodOperations(connection.tenant(), connection.settings(), connection.clock())
                .syncJournalEntry(entry(documentId));
    }
}
