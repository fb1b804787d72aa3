package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Invoice reads outside FIS (https://developer.concur.com/api-reference/invoice/v3.payment-request.html), company
 * token.
 */
public final class InvoiceOperations {
    private final ConcurConnection connection;

    public InvoiceOperations(ConcurConnection connection) {
        this.connection = connection;
    }

    /**
     * Gets a payment request: {@code GET /api/v3.0/invoice/paymentrequest/{id}} (JSON requested).
     *
     * @param id the payment request id (the invoice event's id fact)
     * @throws ConcurException NOT_FOUND, UNAUTHORIZED, FORBIDDEN, CONNECTIVITY, TIMEOUT, THROTTLED,
     *                         SERVICE_UNAVAILABLE, REAUTHORIZATION_REQUIRED
     */
    public PaymentRequest getPaymentRequest(String id) {
        if (id == null || id.isBlank()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "payment request id is required");
        }
        JsonNode json = connection.api().get(connection.companyTokens(),
                "/api/v3.0/invoice/paymentrequest/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null);
        return new PaymentRequest(id, json);
    }
}
