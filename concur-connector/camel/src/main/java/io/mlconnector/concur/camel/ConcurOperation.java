package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;

/** The URI path of a {@code concur:} endpoint: one connector operation, or the webhook consumer. */
public enum ConcurOperation {
    PING("ping"),
    FIS_DOCUMENTS("fis-documents"),
    FIS_DOCUMENT("fis-document"),
    ACKNOWLEDGE("acknowledge"),
    CONFIRM_POSTING("confirm-posting"),
    CONFIRM_PAYMENT("confirm-payment"),
    EXPENSE_REPORT("expense-report"),
    PAYMENT_REQUEST("payment-request"),
    TOPICS("topics"),
    SUBSCRIPTIONS("subscriptions"),
    SUBSCRIPTION("subscription"),
    SAVE_SUBSCRIPTION("save-subscription"),
    DELETE_SUBSCRIPTION("delete-subscription"),
    WEBHOOK("webhook");

    private final String uriName;

    ConcurOperation(String uriName) {
        this.uriName = uriName;
    }

    public String uriName() {
        return uriName;
    }

    public static ConcurOperation of(String name) {
        for (ConcurOperation op : values()) {
            if (op.uriName.equalsIgnoreCase(name)) {
                return op;
            }
        }
        throw new ConcurException(ConcurErrorType.CONFIGURATION, "unknown concur: operation '" + name + "'");
    }
}
