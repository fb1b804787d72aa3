package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An Invoice v3 payment request (https://developer.concur.com/api-reference/invoice/v3.payment-request.html), raw.
 *
 * @param id   the payment request id
 * @param json the answer as Concur sent it (v3 field names)
 */
public record PaymentRequest(String id, JsonNode json) {
}
