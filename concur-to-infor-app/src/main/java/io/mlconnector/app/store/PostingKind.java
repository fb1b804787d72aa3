package io.mlconnector.app.store;

/** What a chunk posts: the GL journal, the AP invoice, or the reversal of an accepted chunk. */
public enum PostingKind {
    GL, AP, REVERSAL
}
