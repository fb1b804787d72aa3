package io.mlconnector.concur.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;

import java.io.IOException;
import java.net.URI;

/**
 * Authorised JSON calls to a Concur API: bearer token from a {@link TokenProvider}, one fresh token and one retry on
 * 401, and non-2xx answers mapped to typed errors. Paths are resolved against the token's geolocation.
 */
public final class ApiClient {
    private final ConcurHttp http;

    public ApiClient(ConcurHttp http) {
        this.http = http;
    }

    /** GET {base}{pathAndQuery} → JSON. */
    public JsonNode get(TokenProvider tokens, String pathAndQuery, String correlationId) {
        return call(tokens, "GET", pathAndQuery, null, correlationId);
    }

    /** GET with extra headers (e.g. DocumentFormatAs). */
    public JsonNode get(TokenProvider tokens, String pathAndQuery, String correlationId, String header, String value) {
        return json(exchange(tokens, "GET", pathAndQuery, null, correlationId, header, value));
    }

    /** POST/PUT/DELETE with an optional JSON body → JSON (or null for an empty answer). */
    public JsonNode call(TokenProvider tokens, String method, String pathAndQuery, Object body, String correlationId) {
        return json(exchange(tokens, method, pathAndQuery, body, correlationId, null, null));
    }

    private ConcurHttp.Response exchange(TokenProvider tokens, String method, String pathAndQuery, Object body,
                                         String correlationId, String header, String headerValue) {
        byte[] bytes = body == null ? null : serialize(body);
        String token = tokens.accessToken();
        ConcurHttp.Response response = once(tokens.baseUri(), method, pathAndQuery, bytes, correlationId, token,
                header, headerValue);
        if (response.status() == 401) {
            tokens.invalidate(token);
            String fresh = tokens.accessToken();
            response = once(tokens.baseUri(), method, pathAndQuery, bytes, correlationId, fresh, header, headerValue);
        }
        if (!response.isSuccess()) {
            throw failure(method, pathAndQuery, response);
        }
        return response;
    }

    private ConcurHttp.Response once(URI base, String method, String pathAndQuery, byte[] body, String correlationId,
                                     String token, String header, String headerValue) {
        URI uri = resolve(base, pathAndQuery);
        ConcurHttp.Call call = "GET".equals(method) ? ConcurHttp.Call.get(uri, correlationId)
                : ConcurHttp.Call.send(method, uri, body == null ? null : "application/json", body, correlationId);
        call = call.header("Authorization", "Bearer " + token);
        if (header != null) {
            call = call.header(header, headerValue);
        }
        return http.execute(call);
    }

    static URI resolve(URI base, String pathAndQuery) {
        String b = base.toString();
        if (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery));
    }

    private static JsonNode json(ConcurHttp.Response response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            return ConcurJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "Concur answered HTTP " + response.status()
                    + " with a body that is not JSON: " + e.getClass().getSimpleName(), null, response.status(),
                    response.correlationId(), null, e);
        }
    }

    private static byte[] serialize(Object body) {
        try {
            return ConcurJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE, "request body cannot be written as JSON", e);
        }
    }

    private static ConcurException failure(String method, String path, ConcurHttp.Response response) {
        int status = response.status();
        ConcurErrorType type = switch (status) {
            case 400 -> ConcurErrorType.BAD_REQUEST;
            case 401 -> ConcurErrorType.UNAUTHORIZED;
            case 403 -> ConcurErrorType.FORBIDDEN;
            case 404 -> ConcurErrorType.NOT_FOUND;
            case 429 -> ConcurErrorType.THROTTLED;
            default -> status >= 500 ? ConcurErrorType.SERVICE_UNAVAILABLE : ConcurErrorType.BAD_REQUEST;
        };
        return new ConcurException(type, method + " " + path + " answered HTTP " + status + detail(response), null,
                status, response.correlationId(), null, null);
    }

    /** The error text Concur sent ({message}, {errorMessage}, {error_description}), shortened. */
    private static String detail(ConcurHttp.Response response) {
        try {
            JsonNode json = ConcurJson.MAPPER.readTree(response.body());
            for (String field : new String[]{"message", "errorMessage", "error_description", "error"}) {
                String text = ConcurJson.text(json, field);
                if (text != null) {
                    return ": " + shorten(text);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: fall through to the raw text
        }
        String text = response.bodyText().strip();
        return text.isEmpty() ? "" : ": " + shorten(text);
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
