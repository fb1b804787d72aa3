package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppSettings;
import io.mlconnector.app.config.QuarantineSettings;
import io.mlconnector.concur.api.ConcurEventKind;
import io.mlconnector.app.ops.WorkerHealth;
import io.mlconnector.infor.api.InforIonException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ProcessorDefinition;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The product in one route: Concur's webhook event is verified and stored in the inbox (answered 2xx once durable);
 * inbox workers then fetch the FIS document, acknowledge it, map it to Infor GL accounts and cost centers, validate
 * them against Infor, post it in balanced chunks through ION and send Concur the posting confirmation. Tenants
 * without FIS: an approved expense report (Expense v4) or a payment request (Invoice v3) is read instead, in the FIS
 * document shape, and goes through the same map, validate and post steps; there is nothing to acknowledge or confirm.
 *
 * <p>Every call to Concur or Infor that is a step of the flow goes through the connectors' Camel endpoints, the way
 * any other Camel route would use them: {@code concur:fis-document}, {@code concur:acknowledge}, one
 * {@code infor-ion:post-bod} (or {@code infor-ion:m3-add-supplier-invoice}) per chunk,
 * {@code concur:confirm-posting}, and {@code concur:payment-request} for a payment request event. The exactly-once
 * ledger stays around them: each step's {@code request} side decides in the ledger whether the call is due and what it
 * carries, its answer side records what came back. (The Expense v4 read of a report and its expenses stays one
 * processor: the component has an operation for the report, not for its expenses.)
 *
 * <p>Error handling is declared once, on the {@code event} route: a rejected document is backed out and confirmed as
 * an error; a {@link RetryLater} and every other failure go back to the inbox with backoff until the event is
 * dead-lettered. The route does not redeliver: a transient failure (throttling, timeouts, 5xx) was already retried by
 * the connector that made the call, and the inbox is the one retry across attempts (README-posting.md states the
 * budget). Every step is idempotent under the ledger, so a later attempt continues where the last one stopped.
 */
final class ConcurToInforRoutes extends RouteBuilder {
    static final String INTAKE = "intake";
    /** The platform-http component of the webhook's listener on the app's HTTP edge. */
    static final String WEBHOOK_HTTP = "webhook-http";
    /** Where {@link InboxWorkers} hand each claimed inbox row. */
    static final String INBOX = "direct:inbox";

    private final Services services;
    private final InboxWorkers workers;
    private final String workerId;
    private final InboxWorker inbox;

    ConcurToInforRoutes(Services services, InboxWorkers workers, String workerId, WorkerHealth health) {
        this.services = services;
        this.workers = workers;
        this.workerId = workerId;
        this.inbox = new InboxWorker(services, workerId, health);
    }

    @Override
    public void configure() {
        // an Error (OutOfMemoryError, StackOverflowError...) is not a failed attempt: the process ends
        onException(Error.class).handled(true)
                .process(inbox::fatal);

        // backing a document out happens in its error handler, outside the steps below: its reversals and error
        // confirmation go through the same concur: and infor-ion: endpoints
        ProducerTemplate connectors = getContext().createProducerTemplate();
        ChunkPoster poster = new ChunkPoster(services, workerId, connectors);
        FetchFisDocument fetch = new FetchFisDocument(services);
        FetchPaymentRequest paymentRequest = new FetchPaymentRequest(services);
        AcknowledgeDocument acknowledge = new AcknowledgeDocument(services);
        PostChunks chunks = new PostChunks(services);
        ConfirmPosting confirm = new ConfirmPosting(services);

        from(webhookUri(services.settings)).routeId(INTAKE)
                .process(new StoreInInbox(services, workers::eventStored));

        QuarantineSettings retention = services.settings.quarantine();
        from("timer:retention?delay=" + retention.retentionInterval().toMillis() + "&period="
                + retention.retentionInterval().toMillis()).routeId("retention")
                .process(new PurgeExpired(services));

        // each inbox worker claims one event when it is free and runs it here to its end (InboxWorkers)
        from(INBOX).routeId("inbox")
                .process(inbox::work)
                .to("direct:event");

        // the body is what each step sends to Concur or Infor and what they answer; the event's work travels beside it
        ProcessorDefinition<?> event = from("direct:event").routeId("event")
                .onException(DocumentRejected.class).handled(true)
                    .process(new RejectDocument(services, poster, connectors))
                    .process(inbox::done)
                .end()
                .onException(InforIonException.class).onWhen(poster::isRefusal).handled(true)
                    .process(poster::refused)
                    .process(new RejectDocument(services, poster, connectors))
                    .process(inbox::done)
                .end()
                .onException(RetryLater.class).handled(true)
                    .process(inbox::retryLater)
                .end()
                // no redelivery here: the connectors already retried the call (README-posting.md, retry budget)
                .onException(Exception.class).handled(true)
                    .process(poster::countThrottling)
                    .process(inbox::retryLater)
                .end()
                .setProperty(DocumentWork.PROPERTY, body())
                .filter(exchange -> !inbox.isHandled(DocumentWork.of(exchange)))
                    .process(inbox::ignore).stop()
                .end();

        // reading the document: one branch per kind of event, each kind's steps decided in readSteps
        ChoiceDefinition read = event.choice();
        for (ConcurEventKind kind : ConcurEventKind.values()) {
            readSteps(kind, read.when(exchange -> kindOf(exchange) == kind), fetch, paymentRequest, acknowledge);
        }

        read.end()
                .filter(ConcurToInforRoutes::hasNothingToPost)
                    .process(inbox::done).stop()
                .end()
                .process(new MapDocument(services))
                .process(new ValidateAccounts(services))
                .process(chunks::plan)
                .split(PostChunks.planned()).stopOnException()
                    .process(poster::prepare)
                    .filter(ChunkPoster::isDue)
                        .to(poster.endpointUri())
                        .process(poster::sent)
                    .end()
                .end()
                .filter(ConcurToInforRoutes::confirmsPosting)
                    .process(new AwaitErpAnswers(services))
                .end()
                .filter(ConcurToInforRoutes::isAwaitingErp)
                    .process(inbox::done).stop()
                .end()
                .choice()
                    .when(ConcurToInforRoutes::confirmsPosting)
                        .process(confirm::request)
                        .filter(ConfirmPosting::isDue)
                            .to(ConfirmPosting.ENDPOINT)
                            .process(confirm::confirmed)
                        .endChoice()
                    .otherwise()
                        .process(new RecordPosting(services))
                .end()
                .process(inbox::done);
    }

    /** The ERP's answers, stored by the IMS endpoint, applied to the ledger; missing answers become exceptions. */
    static RouteBuilder erpAnswers(Services services) {
        long interval = services.erp.applyInterval().toMillis();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:erp-answers?synchronous=true&delay=" + interval + "&period=" + interval)
                        .routeId("erp-answers")
                        .process(new ApplyErpAnswers(services));
            }
        };
    }

    static String webhookUri(AppSettings settings) {
        String keys = settings.concur().webhookPublicKeys().stream().map(Path::toString)
                .collect(Collectors.joining(","));
        return "concur:webhook?platformHttpComponent=" + WEBHOOK_HTTP
                + "&path=" + settings.webhook().path() + "&publicKeyFiles=" + keys
                + "&signatureAlgorithm=" + settings.concur().signatureAlgorithm()
                + "&rejectedDeliveryListener=#" + QuarantineDelivery.BEAN;
    }

    /**
     * Recalled before the acknowledgement, already confirmed to Concur as error, or a report the non-FIS read found
     * nothing to post for.
     */
    private static boolean hasNothingToPost(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        return work.recalled || work.finished || work.nothingToPost;
    }

    private static boolean isAwaitingErp(Exchange exchange) {
        return DocumentWork.of(exchange).awaitingErp;
    }

    /**
     * Reads the event's document into the work: the FIS document (fetched, then acknowledged), the approved expense
     * report, or the payment request, each in the FIS document shape the mapping reads.
     */
    private void readSteps(ConcurEventKind kind, ChoiceDefinition branch, FetchFisDocument fetch,
                           FetchPaymentRequest paymentRequest, AcknowledgeDocument acknowledge) {
        // a switch expression, so a new kind of event does not compile until it has its read steps here
        ProcessorDefinition<?> steps = switch (kind) {
            case FIS_DOCUMENT_READY -> branch
                    .process(fetch::request)
                    .to(FetchFisDocument.ENDPOINT)
                    .process(fetch::fetched)
                    .process(new SkipFinishedDocument(services))
                    .filter(AcknowledgeDocument::isDue)
                        .process(acknowledge::request)
                        .to(AcknowledgeDocument.ENDPOINT)
                        .process(acknowledge::acknowledged)
                    .end();
            case EXPENSE_REPORT -> branch
                    .process(new FetchExpenseReport(services));
            case PAYMENT_REQUEST -> branch
                    .process(paymentRequest::request)
                    .to(FetchPaymentRequest.ENDPOINT)
                    .process(paymentRequest::fetched);
            // the inbox worker ignored it above (InboxWorker#whyNotHandled): never reaches this branch
            case OTHER -> branch.stop();
        };
    }

    private static ConcurEventKind kindOf(Exchange exchange) {
        return DocumentWork.of(exchange).event.kind();
    }

    /** FIS documents wait for the ERP and are confirmed to Concur; the expense report and payment request reads are not. */
    private static boolean confirmsPosting(Exchange exchange) {
        return kindOf(exchange).confirmsPosting();
    }
}
