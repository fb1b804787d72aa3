package io.mlconnector.infor.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IonApiCredentialsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode file() {
        ObjectNode n = JSON.createObjectNode();
        n.put("ti", "ACME_TST").put("cn", "ml-connector").put("dt", "12").put("ci", "ACME_TST~client")
                .put("cs", "cs-SECRET-value").put("iu", "https://mingle-ionapi.eu1.inforcloudsuite.com")
                .put("pu", "https://mingle-sso.eu1.inforcloudsuite.com:443/ACME_TST/as/").put("oa", "authorization.oauth2")
                .put("ot", "token.oauth2").put("or", "revoke_token.oauth2").put("ev", "V1480769020").put("v", "1.0")
                .put("saak", "ACME_TST#saak-SECRET").put("sask", "sask-SECRET-value").put("sc", "future-key");
        return n;
    }

    @Test
    void publishedExampleFileParsesWithEveryKeyKept() {
        // given a redacted real-world file (samples/SOURCES.md)
        IonApiCredentials c = IonApiCredentials.load(InforSamples.path("ionapi-example-redacted.json"));

        // then the URLs follow pu + ot, pu + or and iu + "/" + ti; undocumented keys stay readable
        assertThat(c.tenant()).isEqualTo("TENANT_TST");
        assertThat(c.tokenUri()).hasToString("https://mingle-sso.eu1.inforcloudsuite.com/TENANT_TST/as/token.oauth2");
        assertThat(c.revokeUri()).hasToString("https://mingle-sso.eu1.inforcloudsuite.com/TENANT_TST/as/revoke_token.oauth2");
        assertThat(c.apiBase()).hasToString("https://mingle-ionapi.eu1.inforcloudsuite.com/TENANT_TST");
        assertThat(c.value("ev")).isEqualTo("V1480769020");
        assertThat(c.value("v")).isEqualTo("1.0");
        assertThat(c.value("dt")).isEqualTo("12");
        assertThat(c.keys()).containsExactly("ti", "cn", "dt", "ci", "cs", "iu", "pu", "oa", "ot", "or", "ev", "v", "saak", "sask");
    }

    @Test
    void unknownKeysAreKept() {
        IonApiCredentials c = IonApiCredentials.parse(file().toString());
        assertThat(c.value("sc")).isEqualTo("future-key");
    }

    @Test
    void trailingSlashesAndDefaultPortAreTolerated() {
        // given URLs with :443, doubled and missing slashes
        ObjectNode n = file().put("iu", "https://gw.example.com:443//").put("pu", "https://sso.example.com:443/ACME_TST/as")
                .put("ot", "/token.oauth2").put("ti", "ACME_TST/");

        IonApiCredentials c = IonApiCredentials.parse(n.toString());

        assertThat(c.tokenUri()).hasToString("https://sso.example.com/ACME_TST/as/token.oauth2");
        assertThat(c.apiBase()).hasToString("https://gw.example.com/ACME_TST");
    }

    @Test
    void nonDefaultPortIsKept() {
        ObjectNode n = file().put("iu", "http://127.0.0.1:8443/").put("pu", "http://127.0.0.1:9000/ACME_TST/as/");
        IonApiCredentials c = IonApiCredentials.parse(n.toString());
        assertThat(c.apiBase()).hasToString("http://127.0.0.1:8443/ACME_TST");
        assertThat(c.tokenUri()).hasToString("http://127.0.0.1:9000/ACME_TST/as/token.oauth2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ti", "ci", "cs", "iu", "pu", "ot"})
    void missingRequiredKeyFailsNamingIt(String key) {
        ObjectNode n = file();
        n.remove(key);

        assertThatThrownBy(() -> IonApiCredentials.parse(n.toString()))
                .isInstanceOfSatisfying(InforIonException.class, e -> {
                    assertThat(e.type()).isEqualTo(InforIonErrorType.CONFIGURATION);
                    assertThat(e.getMessage()).contains("\"" + key + "\"").doesNotContain("SECRET");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"saak", "sask"})
    void passwordGrantNeedsServiceAccountKeysAndNamesTheMissingOne(String key) {
        ObjectNode n = file();
        n.remove(key);
        IonApiCredentials c = IonApiCredentials.parse(n.toString());

        assertThatThrownBy(c::requireServiceAccount).isInstanceOf(InforIonException.class)
                .hasMessageContaining("\"" + key + "\"");
    }

    @Test
    void blankValueCountsAsMissing() {
        assertThatThrownBy(() -> IonApiCredentials.parse(file().put("pu", " ").toString()))
                .hasMessageContaining("\"pu\"");
    }

    @Test
    void secretsNeverAppearInToString() {
        String text = IonApiCredentials.parse(file().toString()).toString();
        assertThat(text).contains("ACME_TST~client").contains("cs=****")
                .doesNotContain("cs-SECRET-value", "sask-SECRET-value", "saak-SECRET");
    }

    @Test
    void brokenJsonErrorDoesNotEchoTheContent() {
        String broken = "{\"cs\":\"cs-SECRET-value\", \"ti\": ";
        assertThatThrownBy(() -> IonApiCredentials.parse(broken))
                .isInstanceOfSatisfying(InforIonException.class,
                        e -> assertThat(e.type()).isEqualTo(InforIonErrorType.CONFIGURATION))
                .hasMessageNotContaining("SECRET");
    }
}
