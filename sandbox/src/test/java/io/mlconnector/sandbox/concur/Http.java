package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.http.SimServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A small real-HTTP client for the tests (java.net.http). */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return SimServer.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Http() {
    }

    static Answer postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Answer get(URI uri, String bearer) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer).GET().build());
    }

    static Answer send(String method, URI uri, String bearer, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").method(method, body).build());
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Tokens the way a connector would get them. */
    static Map<String, String> companyGrant(ConcurSandbox sandbox, String requestToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", sandbox.clientId());
        form.put("client_secret", sandbox.clientSecret());
        form.put("grant_type", "password");
        form.put("username", sandbox.companyId());
        form.put("password", requestToken);
        form.put("credtype", "authtoken");
        return form;
    }

    static Map<String, String> refreshGrant(ConcurSandbox sandbox, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", sandbox.clientId());
        form.put("client_secret", sandbox.clientSecret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return form;
    }

    static URI token(URI host) {
        return host.resolve("/oauth2/v0/token");
    }

    static JsonNode companyToken(ConcurSandbox sandbox) {
        Answer answer = postForm(token(sandbox.glzUri()), companyGrant(sandbox, sandbox.newCompanyRequestToken()));
        if (answer.status() != 200) {
            throw new IllegalStateException("company token failed: " + answer.body());
        }
        return answer.json();
    }

    static String appToken(ConcurSandbox sandbox) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", sandbox.clientId());
        form.put("client_secret", sandbox.clientSecret());
        form.put("grant_type", "client_credentials");
        return postForm(token(sandbox.dataCentreUri()), form).json().get("access_token").asText();
    }
}
