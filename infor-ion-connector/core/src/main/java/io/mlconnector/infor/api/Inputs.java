package io.mlconnector.infor.api;

import java.math.BigDecimal;
import java.util.Currency;

/** Input checks shared by the models; every failure is an INVALID_INPUT naming the field. */
final class Inputs {
    private Inputs() {
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static BigDecimal nonNegative(String field, BigDecimal value) {
        required(field, value);
        if (value.signum() < 0) {
            throw invalid(field + " must not be negative (use the debit/credit side instead): " + value.toPlainString());
        }
        return value;
    }

    static String currency(String field, String code) {
        required(field, code);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " is not an ISO 4217 currency code: " + code);
        }
        return code;
    }

    static InforIonException invalid(String message) {
        return new InforIonException(InforIonErrorType.INVALID_INPUT, message);
    }
}
