package io.mlconnector.app.mapping;

import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.concur.api.FisDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A validated, compiled mapping file: the customer's rules for turning FIS documents into Infor postings (the role
 * DataWeave plays in a Mule app). Immutable and thread-safe. Usually obtained through {@link MappingProvider}, which
 * reloads it when the file changes.
 */
public final class Mapping {
    /** The mapping shipped in the jar, matching the sandbox's default chart of accounts. */
    public static final String DEFAULT_RESOURCE = "mapping/default-mapping.yaml";

    private final String source;
    private final DocumentMapper mapper;

    private Mapping(String source, MappingRules rules, Clock clock) {
        this.source = source;
        this.mapper = new DocumentMapper(rules, clock);
    }

    /**
     * Validates and compiles mapping YAML.
     *
     * @param yaml   the file content
     * @param source file name for messages
     * @param clock  supplies the posting date when a document carries none
     * @throws MappingConfigException listing every problem with its line
     */
    public static Mapping parse(String yaml, String source, Clock clock) {
        return new Mapping(source, MappingParser.parse(yaml, source), clock);
    }

    /** @see #parse(String, String, Clock) */
    public static Mapping load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), Clock.systemUTC());
        } catch (IOException e) {
            throw new MappingConfigException(file.toString(), List.of(
                    new MappingConfigException.Problem(0, "", "cannot read the file: " + e)));
        }
    }

    /** The mapping shipped as {@value #DEFAULT_RESOURCE}. */
    public static Mapping defaultMapping() {
        return parse(defaultMappingText(), "classpath:" + DEFAULT_RESOURCE, Clock.systemUTC());
    }

    /** The text of the shipped mapping, e.g. to write a starting copy for the customer. */
    public static String defaultMappingText() {
        try (InputStream in = Mapping.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Maps one FIS document to a balanced accounting document.
     *
     * @throws MappingException listing every unmapped code, invalid field or the imbalance, naming the document
     */
    public AccountingDocument map(FisDocument document) {
        return mapper.map(document);
    }

    /** Where this mapping was read from. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Mapping[" + source + "]";
    }
}
