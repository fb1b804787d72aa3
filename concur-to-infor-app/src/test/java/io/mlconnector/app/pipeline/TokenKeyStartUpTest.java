package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.ConfigException;
import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.Store;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.concur.api.TokenEncryption;
import io.mlconnector.concur.api.TokenState;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app's token store: encrypted with concur.token-key, and a start with a wrong or missing key stops clearly. */
class TokenKeyStartUpTest {
    @Test
    void aStartWithAWrongOrMissingKeyIsAClearConfigurationError() throws Exception {
        try (TestDatabase db = TestDatabase.create(Dialect.H2, "tokenkey");
             Store store = new Store(db.open(), java.time.Clock.systemUTC(),
                     new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2)))) {
            // given tokens stored under one key
            String key = TokenEncryption.newKey();
            Services.tokenStore(concur(key), store).save(new TokenState("company:c1", "refresh-SECRET", null,
                    URI.create("https://us2.api.concursolutions.com"), Instant.now()));
            // then a start with another key, or none, stops before any call to Concur, naming the key to set
            assertThatThrownBy(() -> Services.tokenStore(concur(TokenEncryption.newKey()), store))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("concur.token-key")
                    .hasMessageContaining("do not decrypt").hasMessageNotContaining("SECRET");
            assertThatThrownBy(() -> Services.tokenStore(concur(""), store))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("concur.token-key is not set");
            // and the right key reads them
            assertThat(Services.tokenStore(concur(key), store).load("company:c1"))
                    .hasValueSatisfying(s -> assertThat(s.refreshToken()).isEqualTo("refresh-SECRET"));
        }
    }

    private static io.mlconnector.app.config.ConcurSettings concur(String key) {
        return AppConfig.load(null, Map.of("ML_CONCUR_TOKEN_KEY", key)).settings().concur();
    }
}
