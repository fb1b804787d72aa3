package io.mlconnector.app.cli;

import io.mlconnector.app.demo.SandboxKeys;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.infor.InforSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration that cannot work stops `run` at once: exit 2, one line naming the key, nothing created. */
@org.junit.jupiter.api.Timeout(60) // before the checks, `run` started with the demo mapping and never returned
class StartupErrorsTest {
    private static ConcurSandbox concur;
    private static InforSandbox infor;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startSandboxes() {
        concur = ConcurSandbox.start();
        infor = InforSandbox.start();
    }

    @AfterAll
    static void stopSandboxes() {
        infor.close();
        concur.close();
    }

    @Test
    void noConfigurationAtAllNamesTheClientIdAndCreatesNothing() throws IOException {
        // given nothing but where the database would go
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("database.url", database());

        // when
        int exit = run(keys);

        // then
        assertThat(exit).isEqualTo(MlConnectorCli.USAGE);
        assertThat(oneLineError()).contains("concur.client-id is required").doesNotContain("Exception");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void missingIonapiFileNamesTheKeyAndThePath() throws IOException {
        Map<String, String> keys = working();
        keys.put("infor.ionapi-file", dir.resolve("nowhere.ionapi").toString());

        int exit = run(keys);

        assertThat(exit).isEqualTo(MlConnectorCli.USAGE);
        assertThat(oneLineError()).contains("infor.ionapi-file").contains(dir.resolve("nowhere.ionapi").toString());
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void missingWebhookKeyNamesTheKey() throws IOException {
        Map<String, String> keys = working();
        keys.put("concur.webhook-public-keys", "");

        int exit = run(keys);

        assertThat(exit).isEqualTo(MlConnectorCli.USAGE);
        assertThat(oneLineError()).contains("concur.webhook-public-keys");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void missingMappingFileStopsStartUpInsteadOfPostingWithTheDemoMapping() throws IOException {
        // given a configured mapping file that is not there
        Map<String, String> keys = working();
        keys.put("mapping.file", dir.resolve("mapping.yaml").toString());

        // when
        int exit = run(keys);

        // then start-up stops, naming the key and the path; the demo accounts are never used
        assertThat(exit).isEqualTo(MlConnectorCli.USAGE);
        assertThat(oneLineError()).contains("mapping.file").contains(dir.resolve("mapping.yaml").toString());
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void mappingFileThatDoesNotParseStopsStartUpNamingTheKeyAndTheProblem() throws IOException {
        Map<String, String> keys = working();
        Path mapping = Files.writeString(dir.resolve("mapping.yaml"), "version: 1\nglAcount: {}\n");
        keys.put("mapping.file", mapping.toString());

        int exit = run(keys);

        assertThat(exit).isEqualTo(MlConnectorCli.USAGE);
        assertThat(oneLineError()).contains("mapping.file").contains("glAcount").contains("line 2");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    /** Everything `run` needs, pointing at the sandboxes, except what each test takes away. */
    private Map<String, String> working() {
        Map<String, String> keys = new LinkedHashMap<>(SandboxKeys.of(concur, infor));
        keys.put("database.url", database());
        keys.put("webhook.port", "0");
        keys.put("admin.port", "0");
        return keys;
    }

    private String database() {
        return "jdbc:h2:file:" + dir.resolve("data").resolve("ml-connector").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private int run(Map<String, String> keys) throws IOException {
        Properties properties = new Properties();
        properties.putAll(keys);
        Path config = dir.resolve("app.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, null);
        }
        CommandLine cli = MlConnectorCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("run", "--config", config.toString());
    }

    private String oneLineError() {
        String text = err.toString().strip();
        assertThat(text.lines()).as("stderr: %s", text).hasSize(1);
        return text;
    }
}
