package io.mlconnector.app.pipeline;

import io.mlconnector.app.demo.ScratchSchema;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.testing.TestDatabase;

import java.nio.file.Path;

/**
 * The database one end-to-end test gives the app through {@code database.url}: an H2 file database in the test's temp
 * directory, or a schema {@code t_e2e_<random>} of its own on the PostgreSQL of {@code ml.test.pg.url} (created here,
 * dropped on close). Without PostgreSQL the test is skipped, or failed when {@code CI=true} ({@link TestDatabase}).
 */
final class E2eDatabase implements AutoCloseable {
    private final Dialect dialect;
    private final String url;
    /** Null on H2. */
    private final ScratchSchema schema;

    private E2eDatabase(Dialect dialect, String url, ScratchSchema schema) {
        this.dialect = dialect;
        this.url = url;
        this.schema = schema;
    }

    static E2eDatabase create(Dialect dialect, Path tempDir) {
        if (dialect == Dialect.H2) {
            return new E2eDatabase(dialect, "jdbc:h2:file:" + tempDir.resolve("ml-connector").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", null);
        }
        ScratchSchema schema = ScratchSchema.create(TestDatabase.postgresUrl(), "t_e2e_");
        return new E2eDatabase(dialect, schema.url(), schema);
    }

    Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL for {@code database.url}. */
    String url() {
        return url;
    }

    @Override
    public void close() {
        if (schema != null) {
            schema.close();
        }
    }
}
