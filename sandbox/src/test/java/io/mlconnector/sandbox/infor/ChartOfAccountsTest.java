package io.mlconnector.sandbox.infor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartOfAccountsTest {

    @Test
    void defaultChartHoldsTheContractedAccountsAndCostCentersForBothEntities() {
        // when
        ChartOfAccounts chart = ChartOfAccounts.defaults();

        // then
        assertThat(chart.accountingEntities()).containsExactly("100", "200");
        for (String entity : new String[]{"100", "200"}) {
            assertThat(chart.entries(entity, AccountType.GL_ACCOUNT)).extracting(ChartOfAccounts.Entry::code)
                    .contains("6100", "6110", "6120", "6130", "6140", "6150", "6190", "2100", "2110", "1410", "2310");
            assertThat(chart.entries(entity, AccountType.COST_CENTER)).extracting(ChartOfAccounts.Entry::code)
                    .containsExactly("CC100", "CC200", "CC300", "CC400", "CC900");
        }
    }

    @Test
    void exportedSnapshotReadsBackToTheSameChartIncludingQuotedNames(@TempDir Path dir) throws Exception {
        // given
        ChartOfAccounts chart = ChartOfAccounts.defaults().addGlAccount("100", "6200", "Fees, \"bank\" charges");
        chart.remove("200", AccountType.COST_CENTER, "CC400");

        // when
        Path csv = chart.exportCsv(dir.resolve("snapshot/chart.csv"));

        // then
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0)).isEqualTo("accountingEntity,type,code,name");
        assertThat(Files.readString(csv)).contains("100,GL_ACCOUNT,6200,\"Fees, \"\"bank\"\" charges\"");
        ChartOfAccounts read = ChartOfAccounts.readCsv(csv);
        assertThat(read.entries()).isEqualTo(chart.entries());
        assertThat(read.contains("200", AccountType.COST_CENTER, "CC400")).isFalse();
    }

    @Test
    void csvWithAnUnknownTypeNamesTheLine(@TempDir Path dir) throws Exception {
        // given
        Path csv = Files.writeString(dir.resolve("bad.csv"),
                "accountingEntity,type,code,name\n100,GL_ACCOUNT,6100,Travel\n100,PROJECT,P1,Project\n");

        // when / then
        assertThatThrownBy(() -> ChartOfAccounts.readCsv(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("PROJECT");
    }

    @Test
    void removingAnAccountingEntityMakesItUnknown() {
        // given
        ChartOfAccounts chart = ChartOfAccounts.defaults();

        // when
        chart.removeAccountingEntity("200");

        // then
        assertThat(chart.hasAccountingEntity("200")).isFalse();
        assertThat(chart.hasAccountingEntity("100")).isTrue();
    }
}
