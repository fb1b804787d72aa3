package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An Invoice v3 payment request (notes §6.3), raw.
 *
 * @param id   the payment request id
 * @param json the answer as Concur sent it (v3 field names)
 */
public record PaymentRequest(String id, JsonNode json) {
}
