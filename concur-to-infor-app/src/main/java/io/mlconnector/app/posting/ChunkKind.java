package io.mlconnector.app.posting;

/** What a chunk posts: part of the GL journal, or the AP invoice for what is owed. */
public enum ChunkKind {
    GL("gl"), AP("ap");

    private final String idPart;

    ChunkKind(String idPart) {
        this.idPart = idPart;
    }

    /** The short name used inside chunk ids. */
    public String idPart() {
        return idPart;
    }
}
