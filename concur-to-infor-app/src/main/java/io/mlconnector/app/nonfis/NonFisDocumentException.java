package io.mlconnector.app.nonfis;

import java.util.List;

/**
 * An Expense v4 report or Invoice v3 payment request that cannot be turned into a FIS-shaped document without guessing
 * (currencies that disagree, lines that do not add up to the total, allocations the read API did not return). Names
 * every problem; nothing of the document is posted.
 */
public final class NonFisDocumentException extends RuntimeException {
    private final String documentId;
    private final List<String> problems;

    public NonFisDocumentException(String documentId, List<String> problems) {
        super("document " + documentId + ": " + String.join("; ", problems));
        this.documentId = documentId;
        this.problems = List.copyOf(problems);
    }

    /** The report or payment request id. */
    public String documentId() {
        return documentId;
    }

    /** One human-readable message per problem. */
    public List<String> problems() {
        return problems;
    }
}
