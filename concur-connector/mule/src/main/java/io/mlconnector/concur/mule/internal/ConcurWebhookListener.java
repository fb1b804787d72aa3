package io.mlconnector.concur.mule.internal;

import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.ConcurWebhookSource;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.mule.api.ConcurEventAttributes;
import org.mule.runtime.api.connection.ConnectionException;
import org.mule.runtime.api.message.Error;
import org.mule.runtime.extension.api.annotation.Alias;
import org.mule.runtime.extension.api.annotation.execution.OnError;
import org.mule.runtime.extension.api.annotation.execution.OnSuccess;
import org.mule.runtime.extension.api.annotation.param.Config;
import org.mule.runtime.extension.api.annotation.param.MediaType;
import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.annotation.param.Parameter;
import org.mule.runtime.extension.api.runtime.operation.Result;
import org.mule.runtime.extension.api.runtime.source.Source;
import org.mule.runtime.extension.api.runtime.source.SourceCallback;
import org.mule.runtime.extension.api.runtime.source.SourceCallbackContext;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.mule.runtime.extension.api.annotation.param.MediaType.APPLICATION_JSON;

/**
 * The ESS webhook as a Mule source, for deployments where the connector listens on its own port: verifies
 * {@code Concur-Signature}, starts the flow with the event, and answers ESS only when the flow finished — 200 when
 * it succeeded, 500 when it failed (ESS delivers again), 401/400 for deliveries that are not genuine signed events.
 * Behind a shared HTTP listener use the {@code verify-event} operation instead.
 */
@Alias("webhook-listener")
@MediaType(value = APPLICATION_JSON, strict = false)
public class ConcurWebhookListener extends Source<String, ConcurEventAttributes> {
    private static final String FLOW_DONE = "flowDone";

    @Config
    private ConcurConfig config;

    /** Listen address. Default 0.0.0.0. */
    @Parameter
    @Optional(defaultValue = "0.0.0.0")
    private String host;

    /** Listen port; 0 picks a free one. Default 8085. */
    @Parameter
    @Optional(defaultValue = "8085")
    private int port;

    /** Request path. Default /concur/events. */
    @Parameter
    @Optional(defaultValue = "/concur/events")
    private String path;

    /** How long a delivery waits for its flow before ESS is answered 500 (and retries). Default 30 s. */
    @Parameter
    @Optional(defaultValue = "30")
    private int flowTimeoutSeconds;

    private WebhookHttpServer webhook;

    public ConcurWebhookListener() {
    }

    /** For tests and embedding: what the runtime injects. */
    ConcurWebhookListener(ConcurConfig config, String host, int port, String path, int flowTimeoutSeconds) {
        this.config = config;
        this.host = host;
        this.port = port;
        this.path = path;
        this.flowTimeoutSeconds = flowTimeoutSeconds;
    }

    /** Where ESS must deliver, once started (with port 0, the port actually bound). */
    java.net.URI uri() {
        return webhook.uri();
    }

    @Override
    public void onStart(SourceCallback<String, ConcurEventAttributes> callback) throws ConnectionException {
        try {
            webhook = WebhookHttpServer.start(host, port, path,
                    new ConcurWebhookSource(config.webhookSettings().build()), event -> runFlow(callback, event));
        } catch (ConcurException e) {
            throw new ConnectionException(e.getMessage(), ConcurErrors.toModuleException(e));
        }
    }

    private void runFlow(SourceCallback<String, ConcurEventAttributes> callback, ConcurEvent event)
            throws Exception {
        SourceCallbackContext context = callback.createContext();
        CompletableFuture<Void> flowDone = new CompletableFuture<>();
        context.addVariable(FLOW_DONE, flowDone);
        callback.handle(toResult(event), context);
        flowDone.get(flowTimeoutSeconds, TimeUnit.SECONDS);
    }

    /** The flow finished: ESS gets 200. */
    @OnSuccess
    public void onSuccess(SourceCallbackContext context) {
        context.<CompletableFuture<Void>>getVariable(FLOW_DONE).ifPresent(done -> done.complete(null));
    }

    /** The flow failed: ESS gets 500 and delivers the event again. */
    @OnError
    public void onError(Error error, SourceCallbackContext context) {
        context.<CompletableFuture<Void>>getVariable(FLOW_DONE).ifPresent(done -> done.completeExceptionally(
                new IllegalStateException("flow failed: " + error.getDescription())));
    }

    @Override
    public void onStop() {
        if (webhook != null) {
            webhook.stop();
            webhook = null;
        }
    }

    static Result<String, ConcurEventAttributes> toResult(ConcurEvent event) {
        ConcurEventAttributes attributes = new ConcurEventAttributes(event.id(), event.topic(), event.eventType(),
                event.correlationId(), event.documentId().orElse(null),
                event.fisDocType().map(FisDocType::name).orElse(null));
        return Result.<String, ConcurEventAttributes>builder().output(event.rawText()).attributes(attributes)
                .mediaType(org.mule.runtime.api.metadata.MediaType.APPLICATION_JSON).build();
    }
}
