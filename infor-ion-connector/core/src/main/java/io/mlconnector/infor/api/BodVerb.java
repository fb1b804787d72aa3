package io.mlconnector.infor.api;

/**
 * The BOD verbs the builders write (OAGIS 9.2, as InforOAGIS uses them): Sync reports a fact, Process asks the receiver
 * to act.
 */
public enum BodVerb {
    SYNC("Sync"), PROCESS("Process");

    private final String element;

    BodVerb(String element) {
        this.element = element;
    }

    /** The verb as written in document names and elements, e.g. {@code Sync}. */
    public String element() {
        return element;
    }
}
