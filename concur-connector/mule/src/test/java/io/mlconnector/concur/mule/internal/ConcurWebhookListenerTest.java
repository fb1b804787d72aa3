package io.mlconnector.concur.mule.internal;

import io.mlconnector.concur.mule.api.ConcurEventAttributes;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mule.runtime.api.connection.ConnectionException;
import org.mule.runtime.api.message.Error;
import org.mule.runtime.extension.api.runtime.operation.Result;
import org.mule.runtime.extension.api.runtime.source.SourceCallback;
import org.mule.runtime.extension.api.runtime.source.SourceCallbackContext;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook source answers ESS only when the flow is done: 200 after success, 500 after failure (ESS retries), 401
 * without running the flow when the signature does not verify. The flow is played by a callback that, like the Mule
 * runtime, runs it on another thread and then calls the source's @OnSuccess or @OnError method.
 */
class ConcurWebhookListenerTest {
    private static final String BODY = "{\"id\":\"evt-7\",\"topic\":\"public.concur.financialintegration\","
            + "\"eventType\":\"expense.readyForIntegration\",\"facts\":{\"documentId\":\"RPT-7\"}}";

    private final ExecutorService runtime = Executors.newSingleThreadExecutor();
    private final List<String> flowRuns = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConcurSandbox concur;
    private ConcurWebhookListener listener;
    private volatile boolean flowFails;

    @BeforeEach
    void start() throws ConnectionException {
        concur = ConcurSandbox.start();
        ConcurConfig config = new ConcurConfig(List.of(concur.webhookPublicKeyPem().toString()),
                concur.signatureAlgorithm());
        listener = new ConcurWebhookListener(config, "127.0.0.1", 0, "/concur/events", 5);
        listener.onStart(new RuntimeLikeCallback());
    }

    @AfterEach
    void stop() {
        listener.onStop();
        runtime.shutdownNow();
        concur.close();
    }

    @Test
    void theListenersOwnPortAsksTheJdkServerForTcpNoDelay() throws Exception {
        // the sandbox, started first, sets it for its own servers: cleared, it is the listener's start that sets it
        listener.onStop();
        System.clearProperty(WebhookHttpServer.NODELAY_PROPERTY);
        ConcurConfig config = new ConcurConfig(List.of(concur.webhookPublicKeyPem().toString()),
                concur.signatureAlgorithm());
        listener = new ConcurWebhookListener(config, "127.0.0.1", 0, "/concur/events", 5);
        listener.onStart(new RuntimeLikeCallback());

        assertThat(System.getProperty(WebhookHttpServer.NODELAY_PROPERTY)).isEqualTo("true");
        assertThat(deliver(BODY, sign(BODY)).statusCode()).isEqualTo(200);
    }

    @Test
    void deliveryIsAnswered200AfterTheFlowSucceeded() throws Exception {
        HttpResponse<String> answer = deliver(BODY, sign(BODY));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(flowRuns).containsExactly("evt-7 RPT-7");
    }

    @Test
    void deliveryIsAnswered500WhenTheFlowFailedSoEssDeliversAgain() throws Exception {
        flowFails = true;

        HttpResponse<String> answer = deliver(BODY, sign(BODY));

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(flowRuns).containsExactly("evt-7 RPT-7");
    }

    @Test
    void deliveryWithABadSignatureIsAnswered401WithoutRunningTheFlow() throws Exception {
        HttpResponse<String> answer = deliver(BODY, sign("{\"id\":\"other\"}"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(flowRuns).isEmpty();
    }

    private HttpResponse<String> deliver(String body, String signature) throws Exception {
        URI uri = listener.uri();
        return http.send(HttpRequest.newBuilder(uri).header("Concur-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sign(String body) throws Exception {
        Signature signer = Signature.getInstance(concur.signatureAlgorithm());
        signer.initSign(concur.webhookSigningKeys().getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    /** Runs the "flow" on another thread and reports its end to the source, as the Mule runtime does. */
    private final class RuntimeLikeCallback implements SourceCallback<String, ConcurEventAttributes> {
        @Override
        public void handle(Result<String, ConcurEventAttributes> result) {
            handle(result, createContext());
        }

        @Override
        public void handle(Result<String, ConcurEventAttributes> result, SourceCallbackContext context) {
            runtime.submit(() -> {
                ConcurEventAttributes attributes = result.getAttributes().orElseThrow();
                flowRuns.add(attributes.getEventId() + " " + attributes.getDocumentId());
                if (flowFails) {
                    listener.onError(error("INFOR-ION:CONNECTIVITY"), context);
                } else {
                    listener.onSuccess(context);
                }
            });
        }

        @Override
        public void onConnectionException(ConnectionException e) {
            throw new AssertionError("unexpected", e);
        }

        @Override
        public SourceCallbackContext createContext() {
            Map<String, Object> variables = new HashMap<>();
            return (SourceCallbackContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {SourceCallbackContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "addVariable" -> variables.put((String) args[0], args[1]);
                        case "getVariable" -> Optional.ofNullable(variables.get((String) args[0]));
                        case "hasVariable" -> variables.containsKey((String) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static Error error(String description) {
        return (Error) Proxy.newProxyInstance(Error.class.getClassLoader(), new Class<?>[] {Error.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getDescription", "getDetailedDescription" -> description;
                    default -> null;
                });
    }
}
