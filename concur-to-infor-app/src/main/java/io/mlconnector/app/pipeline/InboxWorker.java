package io.mlconnector.app.pipeline;

import io.mlconnector.app.ops.WorkerHealth;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.concur.api.ConcurEvent;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The route's side of an inbox row {@link InboxWorkers} claimed for this instance (several instances on one PostgreSQL
 * never claim the same row): what the event is, whether it is handled, and how the attempt ended: done, ignored,
 * retry later with backoff, or dead-lettered after the configured attempts.
 */
final class InboxWorker {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);

    private final Services services;
    private final String workerId;
    private final WorkerHealth health;
    private final HandledEvents handled;

    InboxWorker(Services services, String workerId, WorkerHealth health) {
        this.services = services;
        this.workerId = workerId;
        this.health = health;
        this.handled = new HandledEvents(services.settings.concur());
    }

    /** Body: a claimed inbox row, replaced by the {@link DocumentWork} the route's steps fill in. */
    void work(Exchange exchange) {
        exchange.getMessage().setBody(work(exchange.getMessage().getBody(InboxEntry.class)));
    }

    private DocumentWork work(InboxEntry entry) {
        ConcurEvent event = ConcurEvent.parse(entry.event().body().getBytes(StandardCharsets.UTF_8), null);
        return new DocumentWork(entry, event, workerId, health::progressed);
    }

    /**
     * True when the event is one this app posts ({@link HandledEvents}). Intake already set the others aside; this
     * asks again for rows stored before that, or by an instance configured otherwise.
     */
    boolean isHandled(DocumentWork work) {
        return whyNotHandled(work) == null;
    }

    /** Why the event is not handled, for the audit trail; null when it is. */
    String whyNotHandled(DocumentWork work) {
        return handled.whyNotHandled(work.event);
    }

    void done(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        try {
            services.store.inbox().complete(work.entry.id(), workerId);
        } finally {
            ended(work);
        }
    }

    /** The attempt ended, however: the workers progressed. */
    private void ended(DocumentWork work) {
        health.progressed();
    }

    /** An event this app does not handle: answered long ago with 2xx, now audited and set aside. */
    void ignore(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        try {
            String why = whyNotHandled(work);
            services.store.inbox().ignore(work.entry.id(), workerId, why, services.store.audit(), work.keys);
        } finally {
            ended(work);
        }
    }

    /** The attempt failed: back off and try again, or dead-letter when the attempts are used up. */
    void retryLater(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        try {
            Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            String error = failure == null ? "unknown failure" : Failures.describe(failure);
            Optional<InboxState> state = services.store.inbox().failRetryable(work.entry.id(), workerId, error);
            String step = state.orElse(null) == InboxState.DEAD ? AuditStep.DEAD_LETTERED : AuditStep.RETRY_SCHEDULED;
            LOG.warn("event {} (document {}): {}: {}", work.entry.essEventId(), work.businessId(), step, error);
            services.store.audit().append(work.keys, step, Map.of("attempt", work.entry.attempts(), "error", error));
        } finally {
            ended(work);
        }
    }

    /** An {@link Error} reached the route (an OutOfMemoryError above all): the process ends (see {@link WorkerHealth}). */
    void fatal(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        DocumentWork work = exchange.getProperty(DocumentWork.PROPERTY, DocumentWork.class);
        String where = work != null ? "the worker on event " + work.entry.essEventId() : "the inbox claim loop";
        health.fatal(where, error == null ? new Error("unknown error") : error);
    }
}
