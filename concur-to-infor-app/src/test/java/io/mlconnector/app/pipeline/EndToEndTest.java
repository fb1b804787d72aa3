package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What every end-to-end test class shares: each of its tests runs once per {@link Dialect} (H2 file database and
 * PostgreSQL) against the real app and both sandboxes, which {@link #start} brings up on a fresh temporary folder and
 * the end of the test closes. Subclasses state only their tests.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
abstract class EndToEndTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path tempDir;

    PipelineHarness harness;

    /** Starts the app and both sandboxes with their default settings. */
    PipelineHarness start() {
        return start(app -> app);
    }

    /** Starts the app and both sandboxes as {@code setup} adjusts them (sandbox settings, app configuration keys). */
    PipelineHarness start(UnaryOperator<PipelineHarness.Builder> setup) {
        harness = setup.apply(PipelineHarness.on(dialect, tempDir)).start();
        return harness;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }
}
