package io.mlconnector.app.m3;

import io.mlconnector.app.pipeline.ConcurToInforApplication;
import io.mlconnector.sandbox.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ping} in M3 REST mode checks what that mode posts through: APS450MI, not ION. */
class M3PingTest {
    @TempDir
    Path dir;

    @Test
    void pingInM3ModeAsksAps450miAndSaysSo() {
        try (M3Harness h = new M3Harness(dir, Map.of())) {
            // when
            StringWriter text = new StringWriter();
            boolean ok;
            try (ConcurToInforApplication app = new ConcurToInforApplication(h.config)) {
                ok = app.ping(new PrintWriter(text));
            }

            // then
            assertThat(ok).isTrue();
            assertThat(text.toString()).contains("Infor M3: OK").doesNotContain("Infor ION");
            assertThat(h.infor.m3().executedTransactions()).anySatisfy(t -> assertThat(t).contains("LstInvBySupInv"));
        }
    }

    @Test
    void pingInM3ModeFailsWhenM3DoesNotAnswer() {
        try (M3Harness h = new M3Harness(dir, Map.of())) {
            // given M3 behind the gateway is down
            h.infor.faults().always(Fault.status(503).onPath(h.infor.m3PathRegex()));

            // when
            StringWriter text = new StringWriter();
            boolean ok;
            try (ConcurToInforApplication app = new ConcurToInforApplication(h.config)) {
                ok = app.ping(new PrintWriter(text));
            }

            // then
            assertThat(ok).isFalse();
            assertThat(text.toString()).contains("Infor M3: FAILED").contains("Verdict: not ready");
        }
    }
}
