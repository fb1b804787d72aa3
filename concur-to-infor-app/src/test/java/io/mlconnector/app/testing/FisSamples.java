package io.mlconnector.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.app.mapping.FisDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The published FIS document samples (concur-api.md §8), read with BigDecimal amounts. */
public final class FisSamples {
    public static final ObjectMapper JSON = FisDocument.JSON;

    /** A sample document and the file it came from. */
    public record Sample(String file, FisDocument fis) {
        @Override
        public String toString() {
            return file;
        }
    }

    private FisSamples() {
    }

    public static Path samplesDir() {
        String dir = System.getProperty("ml.reference.dir", "/work/shared/reference");
        return Path.of(dir, "concur-samples");
    }

    /**
     * Every FIS financial document in the published samples: the bare documents (expense report, invoice, cash
     * advance) and each {@code fIDocuments[]} item of the use-case files. Request/response samples of other calls
     * (acknowledgements, confirmations, the get-transactions page with its placeholder document) are not documents.
     */
    public static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(samplesDir())) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("fis-") && name.endsWith("-document.json")) {
                    JsonNode document = read(file);
                    samples.add(new Sample(name, FisDocument.of(syntheticId(name), docTypeOf(document), document)));
                } else if (name.startsWith("fis-expense-use-case-")) {
                    for (JsonNode item : read(file).path("fIDocuments")) {
                        samples.add(new Sample(name, FisDocument.fromItem(item)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    public static Sample named(String fileName) {
        return all().stream().filter(s -> s.file().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample " + fileName));
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bare samples carry no FIS id; give them a stable 32-hex one derived from the file name. */
    private static String syntheticId(String name) {
        return String.format("%032x", new java.math.BigInteger(1, name.getBytes()).mod(
                java.math.BigInteger.TWO.pow(128)));
    }

    public static String docTypeOf(JsonNode document) {
        if (document.has("report")) {
            return "expense";
        }
        if (document.has("requestHeader")) {
            return "invoice";
        }
        if (document.has("cashAdvanceData")) {
            return "cashadvance";
        }
        throw new IllegalArgumentException("not a FIS document: " + document.fieldNames());
    }
}
