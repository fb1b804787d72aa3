package io.mlconnector.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {
    @TempDir
    Path dir;

    @Test
    void embeddedDefaultsGiveAnH2FileDatabaseUnderData() {
        // when
        AppConfig config = AppConfig.defaultsOnly();
        // then
        assertThat(config.settings().database().url()).startsWith("jdbc:h2:file:./data/").contains("MODE=PostgreSQL");
        assertThat(config.settings().webhook().path()).isEqualTo("/concur/events");
        assertThat(config.settings().concur().topics()).containsExactly("public.concur.financialintegration");
        assertThat(config.settings().infor().postingMode()).isEqualTo(PostingMode.BOD);
        assertThat(config.settings().infor().maxMessageBytes()).isEqualTo(5_242_880L);
        assertThat(config.settings().worker().retryPolicy().maxAttempts()).isEqualTo(8);
        assertThat(config.settings().logging().json()).isFalse();
    }

    @Test
    void environmentOverridesFileOverridesDefaults() throws IOException {
        // given a file setting two keys and the environment overriding one of them
        Path file = write("concur.client-id=from-file\nworker.poll-interval=250ms\nconcur.topics=a, b ,,c\n");
        Map<String, String> env = Map.of("ML_CONCUR_CLIENT_ID", "from-env", "ML_INFOR_POSTING_MODE", "m3_rest",
                "ML_TEST_PG_URL", "jdbc:postgresql://ignored");
        // when
        AppConfig config = AppConfig.load(file, env);
        // then
        assertThat(config.settings().concur().clientId()).isEqualTo("from-env");
        assertThat(config.source("concur.client-id")).isEqualTo(AppConfig.Source.ENVIRONMENT);
        assertThat(config.settings().worker().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.source("worker.poll-interval")).isEqualTo(AppConfig.Source.FILE);
        assertThat(config.settings().concur().topics()).containsExactly("a", "b", "c");
        assertThat(config.settings().infor().postingMode()).isEqualTo(PostingMode.M3_REST);
        assertThat(config.source("admin.port")).isEqualTo(AppConfig.Source.DEFAULT);
        // and what the operator chose, without the defaults, is what the bench passes on to the app it starts
        assertThat(config.chosenValues()).containsExactlyInAnyOrderEntriesOf(Map.of("concur.client-id", "from-env",
                "worker.poll-interval", "250ms", "concur.topics", "a, b ,,c", "infor.posting-mode", "m3_rest"));
    }

    @Test
    void everyKeyHasAnEnvironmentName() {
        assertThat(AppConfig.environmentName("concur.client-id")).isEqualTo("ML_CONCUR_CLIENT_ID");
        assertThat(AppConfig.environmentName("infor.max-lines-per-chunk")).isEqualTo("ML_INFOR_MAX_LINES_PER_CHUNK");
        Map<String, String> env = new java.util.HashMap<>();
        AppConfig.defaults().keySet().forEach(k -> env.put(AppConfig.environmentName(k), AppConfig.defaults().get(k)));
        env.put("ML_ADMIN_PORT", "9999");
        assertThat(AppConfig.load(null, env).settings().admin().listener().port()).isEqualTo(9999);
    }

    @Test
    void secretsAreMaskedInToStringAndDump() {
        // given every secret set through the environment
        Map<String, String> env = Map.of("ML_ADMIN_TOKEN", "adm-SECRET-1", "ML_DATABASE_PASSWORD", "db-SECRET-2",
                "ML_CONCUR_CLIENT_SECRET", "cs-SECRET-3", "ML_CONCUR_REQUEST_TOKEN", "rt-SECRET-4");
        // when
        AppConfig config = AppConfig.load(null, env);
        // then the values are usable but never printed
        assertThat(config.settings().admin().token()).isEqualTo("adm-SECRET-1");
        assertThat(config.settings().concur().clientSecret()).isEqualTo("cs-SECRET-3");
        assertThat(config.toString()).doesNotContain("SECRET").contains("admin.token=****");
        assertThat(config.dump().toString()).doesNotContain("SECRET");
        assertThat(config.settings().concur().toString()).doesNotContain("SECRET");
        assertThat(config.settings().database().toString()).doesNotContain("SECRET");
    }

    @Test
    void passwordsInsideTheDatabaseUrlAreMaskedInDumpAndToString() {
        // given a PostgreSQL URL carrying its password, as operators sometimes write it
        Map<String, String> env = Map.of("ML_DATABASE_URL",
                "jdbc:postgresql://db.example:5432/mlc?user=mlc&password=pg-SECRET-5&ssl=true");
        // when
        AppConfig config = AppConfig.load(null, env);
        // then what `config` prints keeps the URL readable but not the password
        assertThat(config.dump().get("database.url")).doesNotContain("SECRET")
                .startsWith("jdbc:postgresql://db.example:5432/mlc?user=mlc&password=****&ssl=true");
        assertThat(config.toString()).doesNotContain("SECRET");
        assertThat(config.settings().database().toString()).doesNotContain("SECRET");
        assertThat(config.settings().database().url()).contains("pg-SECRET-5");
    }

    @Test
    void unknownKeyInTheFileIsRefusedByName() throws IOException {
        Path file = write("webhok.port=9000\n");
        assertThatThrownBy(() -> AppConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("webhok.port");
    }

    @Test
    void badValueNamesTheKeyAndWhereItCameFrom() {
        assertThatThrownBy(() -> AppConfig.load(null, Map.of("ML_WORKER_LEASE", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("worker.lease").hasMessageContaining("ML_WORKER_LEASE");
        assertThatThrownBy(() -> AppConfig.load(null, Map.of("ML_WEBHOOK_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("webhook.port");
        assertThatThrownBy(() -> AppConfig.load(null, Map.of("ML_DATABASE_URL", "jdbc:mysql://x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database.url");
    }

    @Test
    void malformedUrlIsRefusedByName() {
        assertThatThrownBy(() -> AppConfig.load(null, Map.of("ML_CONCUR_AUTH_BASE_URL", "::: not a url")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("concur.auth-base-url");
    }

    @Test
    void webhookPublicKeysAreAListOfPaths() {
        AppConfig config = AppConfig.load(null, Map.of("ML_CONCUR_WEBHOOK_PUBLIC_KEYS", "/k/a.pem,/k/b.pem"));
        assertThat(config.settings().concur().webhookPublicKeys())
                .isEqualTo(List.of(Path.of("/k/a.pem"), Path.of("/k/b.pem")));
    }

    @Test
    void theConfigurationReferenceDocumentsEveryKeyWithItsDefault() throws IOException {
        // given the reference table in README-config.md (surefire runs in the module directory)
        String reference = Files.readString(Path.of("README-config.md"));
        // then each embedded key appears with its environment variable and default
        AppConfig.defaults().forEach((key, value) -> {
            assertThat(reference).contains("| `" + key + "`");
            assertThat(reference).contains("`" + AppConfig.environmentName(key) + "`");
            assertThat(reference).contains(value.isEmpty() ? "*(empty)*" : "`" + value + "`");
        });
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, content);
        return file;
    }
}
