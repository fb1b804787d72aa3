package io.mlconnector.concur.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.internal.ConcurJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The published Concur samples in {@code ${ml.reference.dir}/concur-samples/}. */
public final class Samples {
    private Samples() {
    }

    public static Path dir() {
        String ref = System.getProperty("ml.reference.dir");
        Path base = ref == null || ref.isBlank() ? Path.of("../../shared/reference") : Path.of(ref);
        return base.resolve("concur-samples");
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        try {
            return ConcurJson.MAPPER.readTree(file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sample file names starting with the prefix, sorted. */
    public static Stream<String> named(String prefix) {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
