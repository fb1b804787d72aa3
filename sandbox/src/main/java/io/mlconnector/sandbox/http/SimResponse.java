package io.mlconnector.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulator answers: a status, headers and a body. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public static SimResponse json(int status, Object body) {
        try {
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : SimServer.JSON.writeValueAsBytes(body);
            return new SimResponse(status, headers("Content-Type", "application/json"), bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static SimResponse text(int status, String contentType, String body) {
        return new SimResponse(status, headers("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, new LinkedHashMap<>(), new byte[0]);
    }

    /** A copy with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }

    private static Map<String, String> headers(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(name, value);
        return headers;
    }
}
