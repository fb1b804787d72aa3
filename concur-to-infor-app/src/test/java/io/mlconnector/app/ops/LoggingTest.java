package io.mlconnector.app.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingTest {
    private final PrintStream originalErr = System.err;

    @AfterEach
    void restoreTestLogging() throws Exception {
        System.setErr(originalErr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonSwitchWritesOneJsonObjectPerLogLine() throws Exception {
        // given stdout captured and JSON logging switched on
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Logging.configure(true, "INFO");
        // when
        LoggerFactory.getLogger("io.mlconnector.test").info("document {} posted", "FIS-1");
        LoggerFactory.getLogger("io.mlconnector.test").debug("below the level");
        // then
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("loggerName").asText()).isEqualTo("io.mlconnector.test");
        assertThat(line.path("formattedMessage").asText()).isEqualTo("document FIS-1 posted");
    }

    @Test
    void passwordsInsideJdbcUrlsAreMaskedInTextAndJsonLines() {
        for (boolean json : new boolean[] {false, true}) {
            // given stderr captured in either format
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Logging.configure(json, "INFO");
            // when a library logs a URL with its password
            LoggerFactory.getLogger("io.mlconnector.test").warn("cannot connect to {}",
                    "jdbc:h2:tcp://db.example/mlc;USER=mlc;PASSWORD=h2-SECRET-6");
            LoggerFactory.getLogger("io.mlconnector.test").warn("cannot connect to {}",
                    "jdbc:postgresql://mlc:pg-SECRET-7@db.example:5432/mlc");
            // then
            assertThat(captured.toString(StandardCharsets.UTF_8)).as("json=%s", json).doesNotContain("SECRET")
                    .contains("PASSWORD=****").contains("mlc:****@db.example");
        }
    }

    @Test
    void textModeWritesReadableLines() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Logging.configure(false, "DEBUG");
        LoggerFactory.getLogger("io.mlconnector.test").debug("document {} posted", "FIS-2");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("DEBUG").contains("document FIS-2 posted")
                .doesNotStartWith("{");
    }
}
