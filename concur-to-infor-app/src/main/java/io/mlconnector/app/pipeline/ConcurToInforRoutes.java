package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.concur.api.ConcurEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * The product in one route: Concur's webhook event is verified and stored in the inbox (answered 2xx once durable);
 * inbox workers then fetch the FIS document, acknowledge it, map it to Infor GL accounts and cost centers, validate
 * them against Infor, post it in balanced chunks through ION and send Concur the posting confirmation. Tenants
 * without FIS: an approved expense report (Expense v4) or a payment request (Invoice v3) is read instead, in the FIS
 * document shape, and goes through the same map, validate and post steps; there is nothing to acknowledge or confirm.
 *
 * <p>Error handling is declared once, on the {@code event} route: a rejected document is backed out and confirmed as
 * an error; a transient failure (throttling, timeouts, 5xx) is redelivered a few times at once, and otherwise every
 * failure goes back to the inbox with backoff until it is dead-lettered. Every step is idempotent under the ledger,
 * so a redelivery or a later attempt continues where the last one stopped.
 */
final class ConcurToInforRoutes extends RouteBuilder {
    static final String INTAKE = "intake";
    /** The platform-http component of the webhook's listener on the app's HTTP edge. */
    static final String WEBHOOK_HTTP = "webhook-http";

    private final Services services;
    private final ExecutorService workers;
    private final InboxWorker inbox;
    private final ChunkPoster poster;

    ConcurToInforRoutes(Services services, ExecutorService workers, String workerId) {
        this.services = services;
        this.workers = workers;
        this.inbox = new InboxWorker(services, workerId);
        this.poster = new ChunkPoster(services, workerId);
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
                .choice()
                    .when(ConcurToInforRoutes::isExpenseReport)
                        .process(new FetchExpenseReport(services))
                    .when(ConcurToInforRoutes::isPaymentRequest)
                        .process(new FetchPaymentRequest(services))
                    .otherwise()
                        .process(new FetchFisDocument(services))
                        .process(new SkipFinishedDocument(services))
                        .process(new AcknowledgeDocument(services))
                .end()
                .filter(ConcurToInforRoutes::hasNothingToPost)
                    .process(inbox::done).stop()
                .end()
                .process(new MapDocument(services))
                .process(new ValidateAccounts(services))
                .process(new PostChunks(services, poster))
                .choice()
                    .when(ConcurToInforRoutes::isFisDocument)
                        .process(new ConfirmPosting(services))
                    .otherwise()
                        .process(new RecordPosting(services))
                .end()
                .process(inbox::done);
    }

    static String webhookUri(AppConfig config) {
        String keys = config.concur().webhookPublicKeys().stream().map(Path::toString)
                .collect(Collectors.joining(","));
        return "concur:webhook?platformHttpComponent=" + WEBHOOK_HTTP
                + "&path=" + config.webhookPath() + "&publicKeyFiles=" + keys
                + "&signatureAlgorithm=" + config.concur().signatureAlgorithm()
                + "&rejectedDeliveryListener=#" + QuarantineDelivery.BEAN;
    }

    private static boolean isTransient(Exchange exchange) {
        Throwable e = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return Failures.isTransient(e);
    }

    /**
     * Recalled before the acknowledgement, already confirmed to Concur as error, or a report the non-FIS read found
     * nothing to post for.
     */
    private static boolean hasNothingToPost(Exchange exchange) {
        DocumentWork work = exchange.getMessage().getBody(DocumentWork.class);
        return work.recalled || work.finished || work.nothingToPost;
    }

    private static boolean isExpenseReport(Exchange exchange) {
        return ConcurEvent.TOPIC_EXPENSE_REPORT.equals(topic(exchange));
    }

    private static boolean isPaymentRequest(Exchange exchange) {
        return ConcurEvent.TOPIC_INVOICE_PAYMENT_REQUEST.equals(topic(exchange));
    }

    private static boolean isFisDocument(Exchange exchange) {
        return exchange.getMessage().getBody(DocumentWork.class).event.isReadyForIntegration();
    }

    private static String topic(Exchange exchange) {
        return exchange.getMessage().getBody(DocumentWork.class).event.normalizedTopic();
    }
}
