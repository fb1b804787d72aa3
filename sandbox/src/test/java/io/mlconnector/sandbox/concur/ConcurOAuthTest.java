package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurOAuthTest {
    private static final String FIS_EXPENSE =
            "/financialintegration/fi/v4/companies/transactiontypes/expense/transactions";
    private static ConcurSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ConcurSandbox.start(ConcurSandboxSettings.builder().accessTokenLifetime(Duration.ofSeconds(1)).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void companyTokenFromGlzCarriesTheDataCentreGeolocationAndEpochRefreshExpiry() {
        // given a fresh request token
        Map<String, String> grant = Http.companyGrant(sandbox, sandbox.newCompanyRequestToken());

        // when the connector asks GLZ
        Http.Answer answer = Http.postForm(Http.token(sandbox.glzUri()), grant);

        // then the token lives at the company's data centre
        assertThat(answer.status()).isEqualTo(200);
        JsonNode token = answer.json();
        assertThat(token.get("geolocation").asText()).isEqualTo(sandbox.dataCentreUri().toString());
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(1);
        assertThat(token.get("refresh_token").asText()).isNotBlank();
        assertThat(token.get("refresh_expires_in").asLong())
                .isGreaterThan(Instant.now().plus(Duration.ofDays(179)).getEpochSecond());
        assertThat(token.get("access_token").asText().split("\\.")).hasSize(3);
        assertThat(answer.raw().headers().firstValue("concur-correlationid")).isPresent();
    }

    @Test
    void requestTokenCanBeUsedOnlyOnce() {
        // given a request token already exchanged
        String requestToken = sandbox.newCompanyRequestToken();
        assertThat(Http.postForm(Http.token(sandbox.glzUri()), Http.companyGrant(sandbox, requestToken)).status())
                .isEqualTo(200);

        // when it is exchanged again
        Http.Answer again = Http.postForm(Http.token(sandbox.glzUri()), Http.companyGrant(sandbox, requestToken));

        // then Concur answers code 5 incorrect credentials
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asInt()).isEqualTo(5);
        assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void companyTokenCallAtTheWrongDataCentreAnswersCode16WithTheRightGeolocation() {
        // given a request token
        String requestToken = sandbox.newCompanyRequestToken();

        // when the connector calls the other data centre
        Http.Answer wrong = Http.postForm(Http.token(sandbox.otherDataCentreUri()),
                Http.companyGrant(sandbox, requestToken));

        // then code 16 names the company's data centre, and the request token still works there
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("code").asInt()).isEqualTo(16);
        assertThat(wrong.json().get("geolocation").asText()).isEqualTo(sandbox.dataCentreUri().toString());
        Http.Answer retried = Http.postForm(Http.token(URI.create(wrong.json().get("geolocation").asText())),
                Http.companyGrant(sandbox, requestToken));
        assertThat(retried.status()).isEqualTo(200);
    }

    @Test
    void refreshRotatesTheRefreshTokenAndTheOldOneAnswers108() {
        // given a company token
        String first = Http.companyToken(sandbox).get("refresh_token").asText();

        // when it is refreshed at the token's geolocation
        Http.Answer refreshed = Http.postForm(Http.token(sandbox.dataCentreUri()), Http.refreshGrant(sandbox, first));

        // then a new refresh token replaces the old one, which no longer works
        assertThat(refreshed.status()).isEqualTo(200);
        String second = refreshed.json().get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.json().get("geolocation").asText()).isEqualTo(sandbox.dataCentreUri().toString());
        Http.Answer old = Http.postForm(Http.token(sandbox.dataCentreUri()), Http.refreshGrant(sandbox, first));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().get("code").asInt()).isEqualTo(108);
        assertThat(Http.postForm(Http.token(sandbox.dataCentreUri()), Http.refreshGrant(sandbox, second)).status())
                .isEqualTo(200);
    }

    @Test
    void expiredRefreshTokenAnswers108() throws InterruptedException {
        // given a sandbox whose refresh tokens live one second
        try (ConcurSandbox shortLived = ConcurSandbox.start(ConcurSandboxSettings.builder()
                .refreshTokenLifetime(Duration.ofSeconds(1)).build())) {
            String refresh = Http.companyToken(shortLived).get("refresh_token").asText();

            // when the lifetime has passed
            Thread.sleep(1_200);
            Http.Answer answer = Http.postForm(Http.token(shortLived.dataCentreUri()),
                    Http.refreshGrant(shortLived, refresh));

            // then the company must be re-authorised
            assertThat(answer.json().get("code").asInt()).isEqualTo(108);
        }
    }

    @Test
    void refreshAtTheWrongDataCentreAnswersCode16AndKeepsTheToken() {
        // given a company refresh token
        String refresh = Http.companyToken(sandbox).get("refresh_token").asText();

        // when it is refreshed at the other data centre
        Http.Answer wrong = Http.postForm(Http.token(sandbox.otherDataCentreUri()), Http.refreshGrant(sandbox, refresh));

        // then code 16 names the token's geolocation, where the same refresh token still works
        assertThat(wrong.json().get("code").asInt()).isEqualTo(16);
        assertThat(wrong.json().get("geolocation").asText()).isEqualTo(sandbox.dataCentreUri().toString());
        assertThat(Http.postForm(Http.token(sandbox.dataCentreUri()), Http.refreshGrant(sandbox, refresh)).status())
                .isEqualTo(200);
    }

    @Test
    void refreshAskingForMoreScopeAnswers54() {
        // given a company refresh token
        String refresh = Http.companyToken(sandbox).get("refresh_token").asText();
        Map<String, String> grant = Http.refreshGrant(sandbox, refresh);
        grant.put("scope", "FISVC spend.accountingintegration.write");

        // when it asks for a scope the app was never granted
        Http.Answer answer = Http.postForm(Http.token(sandbox.dataCentreUri()), grant);

        // then code 54, and the refresh token was not consumed
        assertThat(answer.json().get("code").asInt()).isEqualTo(54);
        assertThat(Http.postForm(Http.token(sandbox.dataCentreUri()), Http.refreshGrant(sandbox, refresh)).status())
                .isEqualTo(200);
    }

    @Test
    void revokedRefreshTokenAnswers108() {
        // given a company token whose refresh tokens the company revoked
        String refresh = Http.companyToken(sandbox).get("refresh_token").asText();
        sandbox.revokeRefreshTokens();

        // when the connector refreshes
        Http.Answer answer = Http.postForm(Http.token(sandbox.dataCentreUri()), Http.refreshGrant(sandbox, refresh));

        // then re-authorisation is needed
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asInt()).isEqualTo(108);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void accessTokenExpiresAfterTheConfiguredLifetime() throws InterruptedException {
        // given a company token valid for one second
        String access = Http.companyToken(sandbox).get("access_token").asText();
        URI fis = sandbox.dataCentreUri().resolve(FIS_EXPENSE);
        assertThat(Http.get(fis, access).status()).isEqualTo(200);

        // when the lifetime has passed
        Thread.sleep(1_200);

        // then every API answers 401
        assertThat(Http.get(fis, access).status()).isEqualTo(401);
    }

    @Test
    void expireAccessTokensMakesTheNextCallAnswer401() {
        // given a valid company token on a sandbox with the default lifetime
        try (ConcurSandbox own = ConcurSandbox.start()) {
            String access = Http.companyToken(own).get("access_token").asText();
            URI fis = own.dataCentreUri().resolve(FIS_EXPENSE);
            assertThat(Http.get(fis, access).status()).isEqualTo(200);

            // when the test expires every access token
            own.expireAccessTokens();

            // then the API answers 401
            assertThat(Http.get(fis, access).status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FIS_EXPENSE, "/events/v4/topics", "/events/v4/subscriptions",
            "/expensereports/v4/users/u/context/TRAVELER/reports/R1", "/api/v3.0/invoice/paymentrequest/P1"})
    void unknownBearerTokenAnswers401(String path) {
        // when an API is called with a token Concur never issued
        Http.Answer answer = Http.get(sandbox.dataCentreUri().resolve(path), "not-a-token");

        // then it answers 401 with the correlation id header
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.raw().headers().firstValue("concur-correlationid")).isPresent();
    }

    @Test
    void appTokenHasNoRefreshTokenAndIsRefusedByFis() {
        // given an app token from the client credentials grant
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", sandbox.clientId());
        form.put("client_secret", sandbox.clientSecret());
        form.put("grant_type", "client_credentials");
        JsonNode app = Http.postForm(Http.token(sandbox.dataCentreUri()), form).json();

        // then it has no refresh or id token, and FIS accepts company tokens only
        assertThat(app.has("refresh_token")).isFalse();
        assertThat(app.has("id_token")).isFalse();
        assertThat(Http.get(sandbox.dataCentreUri().resolve(FIS_EXPENSE), app.get("access_token").asText()).status())
                .isEqualTo(403);
        assertThat(Http.get(sandbox.dataCentreUri().resolve("/events/v4/topics"), app.get("access_token").asText())
                .status()).isEqualTo(200);
    }

    @Test
    void userPasswordGrantIssuesAUserToken() {
        // given the sandbox user's credentials
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", sandbox.clientId());
        form.put("client_secret", sandbox.clientSecret());
        form.put("grant_type", "password");
        form.put("username", sandbox.userName());
        form.put("password", sandbox.userPassword());

        // when the user password grant is called at GLZ and at the other data centre
        Http.Answer ok = Http.postForm(Http.token(sandbox.glzUri()), form);
        Http.Answer elsewhere = Http.postForm(Http.token(sandbox.otherDataCentreUri()), form);

        // then GLZ answers with the geolocation and the other data centre with code 16
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("expires_in").isTextual()).isTrue();
        assertThat(elsewhere.json().get("code").asInt()).isEqualTo(16);
    }

    @Test
    void wrongClientSecretAnswersInvalidClient() {
        // given a grant with a wrong secret
        Map<String, String> grant = Http.companyGrant(sandbox, sandbox.newCompanyRequestToken());
        grant.put("client_secret", "wrong");

        // when it is sent
        Http.Answer answer = Http.postForm(Http.token(sandbox.glzUri()), grant);

        // then code 64
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("code").asInt()).isEqualTo(64);
    }

    @Test
    void credentialsInTheQueryStringAreRejected() {
        // given the secret in the URL
        URI uri = URI.create(Http.token(sandbox.glzUri()) + "?client_secret=" + sandbox.clientSecret());

        // when the call is sent
        Http.Answer answer = Http.postForm(uri, Http.companyGrant(sandbox, sandbox.newCompanyRequestToken()));

        // then Concur rejects it
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void formContentTypeWithCharsetIsRejected() {
        // given a form body declared with charset=utf-8
        HttpRequest request = HttpRequest.newBuilder(Http.token(sandbox.glzUri()))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + sandbox.clientId() + "&client_secret=" + sandbox.clientSecret()))
                .build();

        // when it is sent
        Http.Answer answer = Http.send(request);

        // then it is refused
        assertThat(answer.status()).isEqualTo(400);
    }
}
