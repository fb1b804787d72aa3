package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Test-side HTTP calls against an {@link InforSandbox}, with java.net.http and hand-built request bodies. */
final class InforHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOUNDARY = "----mlconnector-test-boundary-7MA4YWxkTrZu0gW";

    private final InforSandbox sandbox;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    InforHttp(InforSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Password grant with saak/sask and the client id/secret as form fields, as the ion-api-sdk README shows. */
    HttpResponse<String> passwordGrant() {
        return token(Map.of("grant_type", "password", "username", sandbox.serviceAccountAccessKey(),
                "password", sandbox.serviceAccountSecretKey(), "client_id", sandbox.clientId(),
                "client_secret", sandbox.clientSecret()));
    }

    /** A valid access token from a password grant. */
    String accessToken() {
        HttpResponse<String> response = passwordGrant();
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    HttpResponse<String> token(Map<String, String> form) {
        return send(HttpRequest.newBuilder(sandbox.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    HttpResponse<String> tokenWithBasic(Map<String, String> form, String id, String secret) {
        return send(HttpRequest.newBuilder(sandbox.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(id, secret))
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    HttpResponse<String> revoke(String token, String hint) {
        return send(HttpRequest.newBuilder(sandbox.revokeUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(sandbox.clientId(), sandbox.clientSecret()))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", token, "token_type_hint", hint))))
                .build());
    }

    HttpResponse<String> ping(String token) {
        return get(ims("/ping"), token);
    }

    HttpResponse<String> acceptedDocuments(String token, String logicalIdInPath) {
        return get(ims("/v3/" + logicalIdInPath + "/acceptedDocuments"), token);
    }

    HttpResponse<String> get(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** GET {iu}/{ti}/M3/m3api-rest/v2/execute/{program}/{transaction}?{fields}. */
    HttpResponse<String> m3(String token, String programAndTransaction, Map<String, String> fields) {
        String query = fields.isEmpty() ? "" : "?" + form(fields);
        return get(URI.create(sandbox.m3ExecuteUri() + "/" + programAndTransaction + query), token);
    }

    HttpResponse<String> postMultipart(String token, byte[] body) {
        return postMultipart(token, body, "multipart/form-data; boundary=" + BOUNDARY);
    }

    HttpResponse<String> postMultipart(String token, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(ims("/v3/multipartMessage"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    URI ims(String path) {
        return URI.create(sandbox.ionMessagingServiceUri() + path);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> sendOrThrow(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A multipart/form-data body with the two v3 parts, built by hand (CRLF, no per-part Content-Type). */
    static byte[] multipart(String parameterRequestJson, byte[] payload) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("ParameterRequest", parameterRequestJson.getBytes(StandardCharsets.UTF_8));
        parts.put("MessagePayload", payload);
        return multipart(parts);
    }

    static byte[] multipart(Map<String, byte[]> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        parts.forEach((name, content) -> {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** A ParameterRequest for the sandbox's connection point; override fields with {@code overrides}. */
    static String parameterRequest(InforSandbox sandbox, String documentName, String messageId,
                                   Map<String, Object> overrides) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("documentName", documentName);
        fields.put("messageId", messageId);
        fields.put("fromLogicalId", sandbox.connectionPointLogicalId());
        fields.put("toLogicalId", "lid://default");
        fields.put("encoding", "NONE");
        fields.put("characterSet", "UTF-8");
        fields.put("accountingEntity", "100");
        fields.put("documentId", "concur-report-42");
        fields.put("variationId", 1);
        fields.putAll(overrides);
        fields.values().removeIf(v -> v == null);
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String parameterRequest(InforSandbox sandbox, String documentName, String messageId) {
        return parameterRequest(sandbox, documentName, messageId, Map.of());
    }

    /** A small well-formed BOD whose root is verb + noun. */
    static byte[] bod(String verb, String noun) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + verb + noun
                + " releaseID=\"9.2\" versionID=\"2.9.0\" xmlns=\"http://schema.infor.com/InforOAGIS/2\">"
                + "<ApplicationArea><Sender><LogicalID>lid://infor.ims.mlconnector</LogicalID></Sender>"
                + "<CreationDateTime>2026-11-28T08:00:00Z</CreationDateTime><BODID>infor-nid:MLCONNECTOR_TST:100::"
                + "concur-report-42:1?" + noun + "&amp;verb=" + verb + "</BODID></ApplicationArea>"
                + "<DataArea><" + verb + "><TenantID>MLCONNECTOR_TST</TenantID></" + verb + "><" + noun + "/>"
                + "</DataArea></" + verb + noun + ">").getBytes(StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
