package io.mlconnector.infor.api;

import io.mlconnector.sandbox.MutableClock;
import io.mlconnector.sandbox.infor.AccountType;
import io.mlconnector.sandbox.infor.InforSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.mlconnector.infor.api.AccountCode.costCenter;
import static io.mlconnector.infor.api.AccountCode.glAccount;
import static io.mlconnector.infor.api.SandboxFixture.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationOperationsTest {
    private static final List<AccountCode> CODES = List.of(glAccount("6110"), glAccount("6999"), costCenter("CC100"),
            glAccount("2100"), costCenter("CC999"), glAccount("6110"));

    private final InforSandbox sandbox = InforSandbox.start();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private long crs630Calls() {
        return sandbox.requests().stream().filter(r -> r.path().contains("/CRS630MI/GetAccountID")).count();
    }

    @Test
    void m3SourceReportsEveryUnknownCodeByName() {
        try (InforIonConnection connection = connect(sandbox)) {
            ValidationOperations validation = new ValidationOperations(ChartOfAccountsSource.m3(connection));

            ValidationResult result = validation.validate("100", CODES);

            assertThat(result.valid()).isFalse();
            assertThat(result.checked()).hasSize(5);
            assertThat(result.unknown()).containsExactly(glAccount("6999"), costCenter("CC999"));
            assertThat(result.describe()).isEqualTo("accounting entity 100 has no GL account 6999, cost center CC999");
            assertThat(crs630Calls()).isEqualTo(5);
        }
    }

    @Test
    void requireValidFailsAsNotFoundNamingEveryUnknownCode() {
        try (InforIonConnection connection = connect(sandbox)) {
            ValidationOperations validation = new ValidationOperations(ChartOfAccountsSource.m3(connection));

            assertThatThrownBy(() -> validation.requireValid("100", CODES))
                    .isInstanceOfSatisfying(InforIonException.class, e -> {
                        assertThat(e.type()).isEqualTo(InforIonErrorType.NOT_FOUND);
                        assertThat(e.getMessage()).contains("GL account 6999", "cost center CC999", "M3 CRS630MI")
                                .doesNotContain("6110");
                    });
            assertThat(validation.requireValid("100", List.of(glAccount("6120"), costCenter("CC300"))).valid()).isTrue();
        }
    }

    @Test
    void answersAreCachedUntilTheirTimeToLiveRunsOut() {
        MutableClock clock = MutableClock.now();
        try (InforIonConnection connection = connect(sandbox)) {
            ValidationOperations validation = new ValidationOperations(ChartOfAccountsSource.m3(connection),
                    Duration.ofMinutes(10), clock);
            validation.validate("100", CODES);
            long first = crs630Calls();

            // within the TTL nobody asks M3 again, even after the chart changed
            sandbox.chart().remove("100", AccountType.GL_ACCOUNT, "6110");
            clock.advance(Duration.ofMinutes(9));
            assertThat(validation.validate("100", CODES).unknown()).doesNotContain(glAccount("6110"));
            assertThat(crs630Calls()).isEqualTo(first);

            // after it, M3 is asked again and the removed account is reported
            clock.advance(Duration.ofMinutes(2));
            assertThat(validation.validate("100", CODES).unknown()).contains(glAccount("6110"));
            assertThat(crs630Calls()).isEqualTo(2 * first);
        }
    }

    @Test
    void unknownAccountingEntityMakesEveryCodeUnknown() {
        try (InforIonConnection connection = connect(sandbox)) {
            ValidationResult result = new ValidationOperations(ChartOfAccountsSource.m3(connection))
                    .validate("999", List.of(glAccount("6110"), costCenter("CC100")));
            assertThat(result.unknown()).hasSize(2);
        }
    }

    @Test
    void csvSnapshotGivesTheSameAnswersWithoutAnyRequest() {
        // given the sandbox chart exported as the CSV snapshot format
        Path csv = sandbox.chart().exportCsv(dir.resolve("chart.csv"));
        ValidationOperations validation = new ValidationOperations(ChartOfAccountsSource.csv(csv));

        ValidationResult result = validation.validate("100", CODES);

        assertThat(result.unknown()).containsExactly(glAccount("6999"), costCenter("CC999"));
        assertThat(validation.validate("200", List.of(glAccount("6110"), costCenter("CC900"))).valid()).isTrue();
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void csvWithQuotedNamesIsRead() throws Exception {
        Path csv = Files.writeString(dir.resolve("q.csv"), """
                accountingEntity,type,code,name
                100,GL_ACCOUNT,6110,"Travel, airfare"
                100,COST_CENTER,CC100,"Sales \"\"North\"\""
                """);
        ValidationOperations validation = new ValidationOperations(ChartOfAccountsSource.csv(csv));
        assertThat(validation.validate("100", List.of(glAccount("6110"), costCenter("CC100"))).valid()).isTrue();
    }

    @Test
    void malformedCsvRowIsRefusedNamingItsLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), """
                accountingEntity,type,code,name
                100,GL_ACCOUNT,6110,Travel
                100,DEPARTMENT,D1,Sales
                """);
        assertThatThrownBy(() -> ChartOfAccountsSource.csv(csv))
                .isInstanceOfSatisfying(InforIonException.class,
                        e -> assertThat(e.type()).isEqualTo(InforIonErrorType.INVALID_INPUT))
                .hasMessageContaining("line 3").hasMessageContaining("DEPARTMENT");
    }

    @Test
    void journalEntryCodesAreValidatedTogether() {
        Path csv = sandbox.chart().exportCsv(dir.resolve("chart.csv"));
        JournalEntry entry = JournalEntry.builder().accountingEntity("100").documentId("E").currency("USD")
                .postingDate(java.time.LocalDate.of(2026, 1, 1))
                .debit("6120", "CC100", java.math.BigDecimal.TEN, null)
                .debit("6666", "CC777", java.math.BigDecimal.ONE, null)
                .credit("2100", null, new java.math.BigDecimal("11"), null).build();

        ValidationResult result = new ValidationOperations(ChartOfAccountsSource.csv(csv)).validate(entry);

        assertThat(result.unknown()).containsExactly(glAccount("6666"), costCenter("CC777"));
    }
}
