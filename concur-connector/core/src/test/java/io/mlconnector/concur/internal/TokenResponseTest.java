package io.mlconnector.concur.internal;

import io.mlconnector.concur.support.Samples;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenResponseTest {

    @Test
    void expiresInAsStringIsRead() {
        TokenResponse token = TokenResponse.parse(Samples.json("oauth-token-response.json"));

        assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(token.refreshToken()).isEqualTo("refresh_token");
        assertThat(token.refreshExpiresAt()).isNull();
        assertThat(token.geolocation()).isEqualTo(URI.create("https://us.api.concursolutions.com"));
    }

    @Test
    void expiresInAsNumberAndRefreshExpiresInAsEpochSecondsAreRead() {
        TokenResponse token = TokenResponse.parse(
                Samples.json("oauth-company-token-response-with-refresh-expires-in.json"));

        assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(3600));
        // epoch seconds, not a duration ("This is Epoch time format")
        assertThat(token.refreshExpiresAt()).isEqualTo(Instant.ofEpochSecond(1517039403L));
        // "https://us.api.Concursolutions.com" normalised
        assertThat(token.geolocation()).isEqualTo(URI.create("https://us.api.concursolutions.com"));
    }

    @Test
    void geolocationWithAPathIsNormalisedToSchemeAndHost() {
        assertThat(Geolocation.normalize("https://us.api.concursolutions.com/oauth2/v0/token"))
                .isEqualTo(URI.create("https://us.api.concursolutions.com"));
        assertThat(Geolocation.normalize("http://127.0.0.1:43210/"))
                .isEqualTo(URI.create("http://127.0.0.1:43210"));
    }

    @Test
    void clientCredentialsAnswerHasNoRefreshToken() {
        TokenResponse token = TokenResponse.parse(Samples.json("oauth-client-credentials-response.json"));

        assertThat(token.refreshToken()).isNull();
        assertThat(token.toString()).doesNotContain("access_token").contains("****");
    }
}
