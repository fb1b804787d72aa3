package io.mlconnector.app.demo;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.concur.api.TokenEncryption;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.infor.InforSandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration keys that point the app at running sandboxes (used by {@code sandbox} and {@code demo}). */
public final class SandboxKeys {
    private SandboxKeys() {
    }

    /** Concur and Infor connection keys; includes credentials, so never print the values. */
    public static Map<String, String> of(ConcurSandbox concur, InforSandbox infor) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("concur.auth-base-url", concur.glzUri().toString());
        keys.put("concur.client-id", concur.clientId());
        keys.put("concur.client-secret", concur.clientSecret());
        keys.put("concur.company-id", concur.companyId());
        keys.put("concur.request-token", concur.newCompanyRequestToken());
        keys.put("concur.token-key", TokenEncryption.newKey());
        keys.put("concur.webhook-public-keys", concur.webhookPublicKeyPem().toAbsolutePath().toString());
        keys.put("concur.signature-algorithm", concur.signatureAlgorithm());
        keys.put("infor.ionapi-file", infor.ionapiFile().toAbsolutePath().toString());
        keys.put("infor.from-logical-id", infor.connectionPointLogicalId());
        keys.put("ims.consumer-key", infor.erp().consumerKey());
        keys.put("ims.consumer-secret", infor.erp().consumerSecret());
        keys.put("ims.host", "127.0.0.1");
        keys.put("ims.port", "0");
        return keys;
    }

    /** The same keys as environment overrides ({@code ML_…}), for {@link AppConfig#load(java.nio.file.Path, Map)}. */
    public static Map<String, String> asEnvironment(Map<String, String> keys) {
        Map<String, String> env = new LinkedHashMap<>();
        keys.forEach((k, v) -> env.put(AppConfig.environmentName(k), v));
        return env;
    }
}
