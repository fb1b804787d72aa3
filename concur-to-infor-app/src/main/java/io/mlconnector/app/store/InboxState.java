package io.mlconnector.app.store;

/** Where an inbox row stands. NEW and FAILED_RETRYING (once due) are claimable; DONE, IGNORED and DEAD are final. */
public enum InboxState {
    NEW, IN_PROGRESS, DONE, IGNORED, FAILED_RETRYING, DEAD
}
