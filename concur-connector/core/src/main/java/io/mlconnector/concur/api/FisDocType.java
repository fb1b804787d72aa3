package io.mlconnector.concur.api;

import java.util.Locale;

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
        String t = text.trim().toLowerCase(Locale.ROOT);
        int dot = t.indexOf('.');
        if (dot > 0) {
            t = t.substring(0, dot);
        }
        for (FisDocType type : values()) {
            if (type.value.equals(t)) {
                return type;
            }
        }
        throw new ConcurException(ConcurErrorType.CONFIGURATION, "unknown FIS docType: " + text);
    }

    @Override
    public String toString() {
        return value;
    }
}
