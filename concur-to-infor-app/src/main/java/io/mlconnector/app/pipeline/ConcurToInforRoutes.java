package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppConfig;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * The product in one route: Concur's webhook event is verified and stored in the inbox (answered 2xx once durable);
 * inbox workers then fetch the FIS document, acknowledge it, map it to Infor GL accounts and cost centers, validate
 * them against Infor, post it in balanced chunks through ION and send Concur the posting confirmation.
 *
 * <p>Error handling is declared once, on the {@code event} route: a rejected document is backed out and confirmed as
 * an error; a transient failure (throttling, timeouts, 5xx) is redelivered a few times at once, and otherwise every
 * failure goes back to the inbox with backoff until it is dead-lettered. Every step is idempotent under the ledger,
 * so a redelivery or a later attempt continues where the last one stopped.
 */
final class ConcurToInforRoutes extends RouteBuilder {
    static final String INTAKE = "intake";

    private final Services services;
    private final ExecutorService workers;
    private final InboxWorker inbox;
    private final ChunkPoster poster;

    ConcurToInforRoutes(Services services, ExecutorService workers, String workerId) {
        this.services = services;
        this.workers = workers;
        this.inbox = new InboxWorker(services, workerId);
        this.poster = new ChunkPoster(services);
    }

    @Override
    public void configure() {
        from(webhookUri(services.config)).routeId(INTAKE)
                .process(new StoreInInbox(services));

        // synchronous: the next poll waits for the batch; otherwise the timer hands the batch to the async engine and
        // claims again, and two events for one document run side by side (two posts, two confirmations)
        from("timer:inbox?delay=0&synchronous=true&period=" + services.config.worker().pollInterval().toMillis())
                .routeId("inbox")
                .process(inbox::claim)
                .split(body()).parallelProcessing().executorService(workers)
                    .split(body())
                        .to("direct:event")
                    .end()
                .end();

        from("direct:event").routeId("event")
                .onException(DocumentRejected.class).handled(true)
                    .process(new RejectDocument(services, poster))
                    .process(inbox::done)
                .end()
                .onException(Exception.class).onWhen(ConcurToInforRoutes::isTransient).handled(true)
                    .maximumRedeliveries(3).redeliveryDelay(500).useExponentialBackOff().backOffMultiplier(2)
                    .process(inbox::retryLater)
                .end()
                .onException(Exception.class).handled(true)
                    .process(inbox::retryLater)
                .end()
                .filter(exchange -> !inbox.isHandled(exchange.getMessage().getBody(DocumentWork.class)))
                    .process(inbox::ignore).stop()
                .end()
                .process(new FetchFisDocument(services))
                .process(new SkipFinishedDocument(services))
                .filter(ConcurToInforRoutes::isFinished)
                    .process(inbox::done).stop()
                .end()
                .process(new AcknowledgeDocument(services))
                .filter(ConcurToInforRoutes::wasRecalled)
                    .process(inbox::done).stop()
                .end()
                .process(new MapDocument(services))
                .process(new ValidateAccounts(services))
                .process(new PostChunks(services, poster))
                .process(new ConfirmPosting(services))
                .process(inbox::done);
    }

    static String webhookUri(AppConfig config) {
        String keys = config.concur().webhookPublicKeys().stream().map(Path::toString)
                .collect(Collectors.joining(","));
        return "concur:webhook?host=" + config.webhookHost() + "&port=" + config.webhookPort()
                + "&path=" + config.webhookPath() + "&publicKeyFiles=" + keys
                + "&signatureAlgorithm=" + config.concur().signatureAlgorithm()
                + "&rejectedDeliveryListener=#" + QuarantineDelivery.BEAN;
    }

    private static boolean isTransient(Exchange exchange) {
        Throwable e = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return Failures.isTransient(e);
    }

    private static boolean isFinished(Exchange exchange) {
        return exchange.getMessage().getBody(DocumentWork.class).finished;
    }

    private static boolean wasRecalled(Exchange exchange) {
        return exchange.getMessage().getBody(DocumentWork.class).recalled;
    }
}
