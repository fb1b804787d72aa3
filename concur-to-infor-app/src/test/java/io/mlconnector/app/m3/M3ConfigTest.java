package io.mlconnector.app.m3;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.ConfigException;
import io.mlconnector.app.config.PostingMode;
import io.mlconnector.app.config.ValidationSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class M3ConfigTest {

    @Test
    void validationDefaultsToM3AndTakesACsvSnapshotWhenConfigured() {
        // when
        AppConfig defaults = AppConfig.defaultsOnly();
        AppConfig csv = AppConfig.load(null, Map.of("ML_INFOR_POSTING_MODE", "m3_rest",
                "ML_INFOR_VALIDATION_SOURCE", "csv", "ML_INFOR_CHART_OF_ACCOUNTS_CSV", "/etc/ml/chart.csv"));

        // then
        assertThat(defaults.settings().infor().validationSource()).isEqualTo(ValidationSource.M3);
        assertThat(defaults.settings().infor().postingMode()).isEqualTo(PostingMode.BOD);
        assertThat(csv.settings().infor().validationSource()).isEqualTo(ValidationSource.CSV);
        assertThat(csv.settings().infor().chartOfAccountsCsv()).isEqualTo(Path.of("/etc/ml/chart.csv"));
        assertThat(csv.settings().infor().postingMode()).isEqualTo(PostingMode.M3_REST);
    }

    @Test
    void csvValidationSourceWithoutASnapshotFailsAtStartNamingTheKey() {
        assertThatThrownBy(() -> AppConfig.load(null, Map.of("ML_INFOR_VALIDATION_SOURCE", "CSV")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("infor.chart-of-accounts-csv");
        assertThatThrownBy(() -> AppConfig.load(null, Map.of("ML_INFOR_VALIDATION_SOURCE", "LN")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("infor.validation-source");
    }
}
