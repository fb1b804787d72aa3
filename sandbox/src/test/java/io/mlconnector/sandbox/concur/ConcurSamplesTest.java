package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlconnector.sandbox.http.SimServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurSamplesTest {
    private static final Path REFERENCE =
            Path.of(System.getProperty("ml.reference.dir", "../../shared/reference"), "concur-samples");

    @Test
    void shippedSamplesAreByteExactCopiesOfThePublishedOnes() throws IOException {
        // given the published samples beside the reference notes
        List<Path> published;
        try (Stream<Path> files = Files.list(REFERENCE)) {
            published = files.sorted().toList();
        }
        assertThat(published).isNotEmpty();

        // then the jar ships each of them unchanged
        for (Path file : published) {
            try (InputStream shipped = ConcurSandbox.class.getResourceAsStream("samples/" + file.getFileName())) {
                assertThat(shipped).as(file.getFileName().toString()).isNotNull();
                assertThat(shipped.readAllBytes()).as(file.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void theTwoSamplesPublishedAsInvalidJsonAreNeverServed() {
        // the notes (§8) list two samples that are not JSON as published; the sandbox ships them but serves neither
        for (String invalid : List.of("oauth-app-secrets-list-response.json", "fis-payment-confirmations-response.json")) {
            assertThatThrownBy(() -> {
                try (InputStream in = ConcurSandbox.class.getResourceAsStream("samples/" + invalid)) {
                    SimServer.JSON.readTree(in);
                }
            }).isInstanceOf(JsonProcessingException.class);
            assertThat(ConcurFis.PUBLISHED_DOCUMENTS).doesNotContain(invalid);
        }
    }
}
