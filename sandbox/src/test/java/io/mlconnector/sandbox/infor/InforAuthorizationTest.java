package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.mlconnector.sandbox.infor.InforHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InforAuthorizationTest {
    private InforSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private InforHttp http(InforSandboxSettings settings) {
        sandbox = InforSandbox.start(settings);
        return new InforHttp(sandbox);
    }

    @Test
    void ionapiFileCarriesEveryDocumentedKeyInTheOrderOfARealFile() throws Exception {
        // given
        http(InforSandboxSettings.defaults());

        // when
        JsonNode ionapi = InforHttp.JSON.readTree(Files.readString(sandbox.ionapiFile()));

        // then
        List<String> keys = new ArrayList<>();
        ionapi.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("ti", "cn", "dt", "ci", "cs", "iu", "pu", "oa", "ot", "or", "ev", "v",
                "saak", "sask");
        assertThat(ionapi.get("ti").asText()).isEqualTo("MLCONNECTOR_TST");
        assertThat(ionapi.get("ci").asText()).startsWith("MLCONNECTOR_TST~");
        assertThat(ionapi.get("saak").asText()).startsWith("MLCONNECTOR_TST#");
        assertThat(ionapi.get("pu").asText()).endsWith("/MLCONNECTOR_TST/as/");
        assertThat(URI.create(ionapi.get("pu").asText() + ionapi.get("ot").asText())).isEqualTo(sandbox.tokenUri());
        assertThat(URI.create(ionapi.get("pu").asText() + ionapi.get("or").asText())).isEqualTo(sandbox.revokeUri());
        assertThat(ionapi.get("iu").asText()).isEqualTo(sandbox.baseUri().toString());
    }

    @Test
    void settingsInTheContractOrderKeepTheOtherDefaults() {
        // given
        InforSandboxSettings settings = new InforSandboxSettings(Duration.ofSeconds(5), 1024,
                "lid://infor.ims.other", List.of("Process.SupplierInvoice"), false, "OTHER_TST");

        // when
        InforHttp http = http(settings);

        // then
        assertThat(sandbox.tenant()).isEqualTo("OTHER_TST");
        assertThat(json(http.passwordGrant()).get("expires_in").asLong()).isEqualTo(5);
        assertThat(settings.issueRefreshTokens()).isTrue();
        assertThat(settings.withDataFlowActive(true).dataFlowActive()).isTrue();
    }

    @Test
    void sandboxDescriptionNamesNoSecret() {
        // given
        http(InforSandboxSettings.defaults());

        // when
        String description = sandbox.toString() + sandbox.settings();

        // then
        assertThat(description).doesNotContain(sandbox.clientSecret(), sandbox.serviceAccountSecretKey(),
                sandbox.serviceAccountAccessKey());
    }

    @Test
    void passwordGrantWithServiceAccountKeysIssuesABearerTokenForTheConfiguredLifetime() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = http.passwordGrant();

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = json(response);
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(7200);
        assertThat(token.get("refresh_token").asText()).isNotBlank();
        assertThat(sandbox.loginCount()).isEqualTo(1);
        assertThat(http.ping(token.get("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokenIsAJwtNamingTheTenantAndExpiry() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());

        // when
        String accessToken = http.accessToken();

        // then
        String[] parts = accessToken.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode claims = InforHttp.JSON.valueToTree(decodeClaims(parts[1]));
        assertThat(claims.get("Tenant").asText()).isEqualTo("MLCONNECTOR_TST");
        assertThat(claims.get("client_id").asText()).isEqualTo(sandbox.clientId());
        assertThat(claims.get("exp").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void clientCredentialsGrantWithBasicClientAuthenticationIssuesATokenWithoutRefreshToken() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = http.tokenWithBasic(Map.of("grant_type", "client_credentials"),
                sandbox.clientId(), sandbox.clientSecret());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).has("refresh_token")).isFalse();
        assertThat(sandbox.loginCount("client_credentials")).isEqualTo(1);
        assertThat(http.ping(json(response).get("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongServiceAccountSecretIsRefusedAsInvalidGrantAndNotCounted() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = http.token(Map.of("grant_type", "password",
                "username", sandbox.serviceAccountAccessKey(), "password", "wrong",
                "client_id", sandbox.clientId(), "client_secret", sandbox.clientSecret()));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(response.body()).doesNotContain(sandbox.serviceAccountSecretKey());
        assertThat(sandbox.loginCount()).isZero();
    }

    @Test
    void wrongClientSecretIsAnswered401InvalidClient() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = http.tokenWithBasic(Map.of("grant_type", "client_credentials"),
                sandbox.clientId(), "not-the-secret");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
        assertThat(sandbox.loginCount()).isZero();
    }

    @Test
    void unsupportedGrantTypeIsAnswered400() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());

        // when
        HttpResponse<String> response = http.tokenWithBasic(Map.of("grant_type", "implicit"),
                sandbox.clientId(), sandbox.clientSecret());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void accessTokenExpiresAfterTheConfiguredLifetime() {
        // given
        InforHttp http = http(InforSandboxSettings.builder().tokenLifetime(Duration.ofSeconds(1)).build());
        HttpResponse<String> login = http.passwordGrant();
        String token = json(login).get("access_token").asText();
        assertThat(json(login).get("expires_in").asLong()).isEqualTo(1);
        assertThat(http.ping(token).statusCode()).isEqualTo(200);

        // when / then
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.ping(token).statusCode() == 401);
        assertThat(json(http.ping(token)).get("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void expireAllTokensAnswers401UntilTheClientLogsInAgain() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());
        String first = http.accessToken();

        // when
        sandbox.expireAllTokens();

        // then
        HttpResponse<String> rejected = http.ping(first);
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        String second = http.accessToken();
        assertThat(http.ping(second).statusCode()).isEqualTo(200);
        assertThat(sandbox.loginCount()).isEqualTo(2);
        assertThat(sandbox.unauthorizedCount()).isEqualTo(1);
    }

    @Test
    void missingOrUnknownBearerTokenIsAnswered401() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());

        // when / then
        assertThat(http.ping(null).statusCode()).isEqualTo(401);
        assertThat(http.ping("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl").statusCode()).isEqualTo(401);
        assertThat(http.m3(null, "CRS630MI/GetAccountID", Map.of("DIVI", "100", "AITP", "1", "AITM", "6110"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void refreshGrantIssuesANewAccessTokenAndRollsTheRefreshToken() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());
        JsonNode login = json(http.passwordGrant());
        String refreshToken = login.get("refresh_token").asText();
        sandbox.expireAllTokens();

        // when
        HttpResponse<String> refreshed = http.tokenWithBasic(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken), sandbox.clientId(), sandbox.clientSecret());

        // then
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode tokens = json(refreshed);
        assertThat(http.ping(tokens.get("access_token").asText()).statusCode()).isEqualTo(200);
        assertThat(tokens.get("refresh_token").asText()).isNotEqualTo(refreshToken);
        HttpResponse<String> reused = http.tokenWithBasic(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken), sandbox.clientId(), sandbox.clientSecret());
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(sandbox.loginCount("password")).isEqualTo(1);
        assertThat(sandbox.loginCount("refresh_token")).isEqualTo(1);
    }

    @Test
    void refreshGrantWithAUrlEncodedClientIdInBasicIsRefusedAsInvalidClient() {
        // given a refresh token, and the client id in the Basic pair form-urlencoded ('~' as %7E), which is not the
        // base64(ci:cs) Infor documents
        InforHttp http = http(InforSandboxSettings.defaults());
        String refreshToken = json(http.passwordGrant()).get("refresh_token").asText();
        String encodedId = java.net.URLEncoder.encode(sandbox.clientId(), StandardCharsets.UTF_8);
        assertThat(encodedId).contains("%7E");

        // when
        HttpResponse<String> refused = http.tokenWithBasic(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken), encodedId, sandbox.clientSecret());

        // then
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("error").asText()).isEqualTo("invalid_client");
        assertThat(sandbox.loginCount("refresh_token")).isZero();
    }

    @Test
    void revokingTheRefreshTokenRevokesItsAccessTokens() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());
        JsonNode login = json(http.passwordGrant());
        String accessToken = login.get("access_token").asText();

        // when
        HttpResponse<String> revoked = http.revoke(login.get("refresh_token").asText(), "refresh_token");

        // then
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(sandbox.revocationCount()).isEqualTo(1);
        assertThat(http.ping(accessToken).statusCode()).isEqualTo(401);
        assertThat(sandbox.activeAccessTokenCount()).isZero();
    }

    @Test
    void revokingAnAccessTokenEndsOnlyThatToken() {
        // given
        InforHttp http = http(InforSandboxSettings.defaults());
        String revokedToken = http.accessToken();
        String otherToken = http.accessToken();

        // when
        HttpResponse<String> revoked = http.revoke(revokedToken, "access_token");

        // then
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(http.ping(revokedToken).statusCode()).isEqualTo(401);
        assertThat(http.ping(otherToken).statusCode()).isEqualTo(200);
    }

    @Test
    void loginQuotaAnswers429WhenConfigured() {
        // given
        InforHttp http = http(InforSandboxSettings.builder().loginsPerMinuteLimit(2).build());
        http.accessToken();
        http.accessToken();

        // when
        HttpResponse<String> third = http.passwordGrant();

        // then
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(sandbox.loginCount()).isEqualTo(2);
    }

    private static Map<?, ?> decodeClaims(String part) {
        try {
            return InforHttp.JSON.readValue(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8),
                    Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
