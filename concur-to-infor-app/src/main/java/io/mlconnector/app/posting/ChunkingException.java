package io.mlconnector.app.posting;

/** A document that cannot be split under the limits (for example one allocation alone exceeds them). */
public class ChunkingException extends RuntimeException {
    private final String fisDocumentId;

    public ChunkingException(String fisDocumentId, String message) {
        super("FIS document " + fisDocumentId + ": " + message);
        this.fisDocumentId = fisDocumentId;
    }

    public String fisDocumentId() {
        return fisDocumentId;
    }
}
