package io.mlconnector.app.store;

/** Whether an insert-if-absent stored a new row or found the key already there. */
public enum InsertOutcome {
    INSERTED, DUPLICATE;

    public boolean isDuplicate() {
        return this == DUPLICATE;
    }
}
