package io.mlconnector.concur.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.internal.ConcurJson;
import io.mlconnector.sandbox.concur.PublishedSamples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The published Concur samples, read from the copies the sandbox jar ships byte for byte (its
 * {@code samples/SOURCES.tsv} names the public page of each).
 */
public final class Samples {
    private static Path copies;

    private Samples() {
    }

    /** The sample as a file, for code that reads key files by path. */
    public static synchronized Path file(String name) {
        try {
            if (copies == null) {
                copies = Files.createTempDirectory("concur-samples");
                copies.toFile().deleteOnExit();
            }
            Path file = copies.resolve(name);
            if (!Files.exists(file)) {
                PublishedSamples.copyTo(copies, name).toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        return PublishedSamples.bytes(name);
    }

    public static JsonNode json(String name) {
        try {
            return ConcurJson.MAPPER.readTree(PublishedSamples.bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sample file names starting with the prefix, sorted. */
    public static Stream<String> named(String prefix) {
        return PublishedSamples.named(prefix).stream();
    }
}
