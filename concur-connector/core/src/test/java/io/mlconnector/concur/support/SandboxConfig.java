package io.mlconnector.concur.support;

import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.http.SimRequest;

import java.time.Duration;
import java.util.List;

/** Connector settings pointing at a {@link ConcurSandbox}, with short backoffs so tests stay fast. */
public final class SandboxConfig {
    private SandboxConfig() {
    }

    /** GLZ as auth base, a fresh request token, in-memory store. */
    public static ConcurConfiguration.Builder of(ConcurSandbox concur) {
        return ConcurConfiguration.builder()
                .clientId(concur.clientId())
                .clientSecret(concur.clientSecret())
                .companyId(concur.companyId())
                .requestToken(concur.newCompanyRequestToken())
                .authBaseUri(concur.glzUri())
                .systemId("ML-CONNECTOR")
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(100));
    }

    /** Token calls with this grant_type among the recorded requests. */
    public static List<SimRequest> tokenCalls(List<SimRequest> requests, String grantType) {
        return requests.stream().filter(r -> r.path().equals("/oauth2/v0/token"))
                .filter(r -> grantType.equals(r.form().get("grant_type"))).toList();
    }

    /** Recorded requests whose path starts with the prefix. */
    public static List<SimRequest> calls(List<SimRequest> requests, String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }
}
