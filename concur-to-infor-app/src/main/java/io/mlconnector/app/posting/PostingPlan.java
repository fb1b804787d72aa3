package io.mlconnector.app.posting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chunks of one document in posting order: GL chunks 1..m, then the AP chunk if someone is owed money.
 *
 * @param fisDocumentId FIS document id
 * @param glChunks      balanced GL chunks, numbered 1..m
 * @param apChunk       the AP invoice chunk
 */
public record PostingPlan(String fisDocumentId, List<PostingChunk> glChunks, Optional<PostingChunk> apChunk) {

    public PostingPlan {
        glChunks = List.copyOf(glChunks);
    }

    /** Every chunk, GL first, in the order to post them. */
    public List<PostingChunk> chunks() {
        List<PostingChunk> all = new ArrayList<>(glChunks);
        apChunk.ifPresent(all::add);
        return List.copyOf(all);
    }
}
