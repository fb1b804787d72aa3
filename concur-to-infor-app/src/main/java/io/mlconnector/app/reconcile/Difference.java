package io.mlconnector.app.reconcile;

/** One difference of one document, with the facts that show it (chunk numbers, amounts, states). */
public record Difference(DifferenceKind kind, String detail) {
    @Override
    public String toString() {
        return kind.label() + ": " + detail;
    }
}
