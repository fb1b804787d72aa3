package io.mlconnector.infor.api;

/**
 * The one exception of the Infor ION connector. It carries an {@link InforIonErrorType} and, when the vendor gave
 * one, a vendor code (the HTTP status of the gateway, or the M3 program/transaction). Messages never contain secrets.
 */
public class InforIonException extends RuntimeException {
    private final InforIonErrorType type;
    private final String vendorCode;
    private final String detail;

    public InforIonException(InforIonErrorType type, String message) {
        this(type, message, null, null);
    }

    public InforIonException(InforIonErrorType type, String message, String vendorCode) {
        this(type, message, vendorCode, null);
    }

    public InforIonException(InforIonErrorType type, String message, String vendorCode, Throwable cause) {
        super(type + ": " + message, cause);
        this.type = type;
        this.vendorCode = vendorCode;
        this.detail = message;
    }

    /** The message without the leading error type. */
    public String detail() {
        return detail;
    }

    public InforIonErrorType type() {
        return type;
    }

    /** The HTTP status or M3 code the vendor answered with, or null. */
    public String vendorCode() {
        return vendorCode;
    }

    /** True for failures that a later retry of the same call may fix (connectivity, throttling). */
    public boolean isTransient() {
        return type == InforIonErrorType.CONNECTIVITY || type == InforIonErrorType.THROTTLED;
    }
}
