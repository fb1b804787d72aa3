package io.mlconnector.sandbox.concur;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published SAP Concur examples this jar ships byte for byte (resources {@code samples/} beside this class), with
 * the public page each one was copied from and the SHA-256 of its bytes ({@code samples/SOURCES.tsv}). The simulator
 * serves them; the other modules' tests read their fixtures here, so a clone needs nothing beside it.
 */
public final class PublishedSamples {
    private static final String MANIFEST = "samples/SOURCES.tsv";
    private static final Map<String, Source> SOURCES = readManifest();

    /** Where a sample came from: the SHA-256 of its published bytes and the public page. */
    public record Source(String file, String sha256, String publicUrl) {
    }

    private PublishedSamples() {
    }

    /** Every shipped sample, in the manifest's order. */
    public static List<Source> all() {
        return List.copyOf(SOURCES.values());
    }

    /** Sample file names starting with {@code prefix}, sorted. */
    public static List<String> named(String prefix) {
        return SOURCES.keySet().stream().filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    /** The bytes of one sample, as published. */
    public static byte[] bytes(String file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as a stream (the caller closes it). */
    public static InputStream open(String file) {
        InputStream in = PublishedSamples.class.getResourceAsStream("samples/" + file);
        if (in == null) {
            throw new IllegalArgumentException("no published sample named " + file);
        }
        return in;
    }

    /** The sample copied to a file of its own name in {@code dir}, for code that reads paths (PEM key files). */
    public static Path copyTo(Path dir, String file) {
        try {
            return Files.write(dir.resolve(file), bytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Source> readManifest() {
        Map<String, Source> sources = new LinkedHashMap<>();
        try (InputStream in = PublishedSamples.class.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException(MANIFEST + " is missing from the sandbox jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                sources.put(columns[0], new Source(columns[0], columns[1], columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
