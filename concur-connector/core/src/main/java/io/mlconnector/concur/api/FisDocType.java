package io.mlconnector.concur.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The FIS v4 {@code docType} path values
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html).
 */
public enum FisDocType {
    EXPENSE("expense"), INVOICE("invoice"), CASHADVANCE("cashadvance"), PAYROLL("payroll"),
    REQUESTOBLIGATION("requestobligation"), REPORTOBLIGATION("reportobligation");

    private final String value;

    FisDocType(String value) {
        this.value = value;
    }

    /** The path value, e.g. {@code expense}. */
    public String value() {
        return value;
    }

    /** Reads {@code expense}, {@code EXPENSE}, or an event type such as {@code expense.readyForIntegration}. */
    public static FisDocType of(String text) {
        if (text == null || text.isBlank()) {
            throw new ConcurException(ConcurErrorType.CONFIGURATION, "docType is required");
        }
        return find(text).orElseThrow(
                () -> new ConcurException(ConcurErrorType.CONFIGURATION, "unknown FIS docType: " + text));
    }

    /** Like {@link #of(String)}, empty for a missing or unknown docType (a document says what it is; it may be wrong). */
    public static Optional<FisDocType> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        int dot = t.indexOf('.');
        if (dot > 0) {
            t = t.substring(0, dot);
        }
        for (FisDocType type : values()) {
            if (type.value.equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
