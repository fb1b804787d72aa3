package io.mlconnector.app.pipeline;

import io.mlconnector.app.ops.WorkerHealth;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.FisDocType;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    InboxWorker(Services services, String workerId, WorkerHealth health) {
        this.services = services;
        this.workerId = workerId;
        this.health = health;
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
     * True when the event is one this app posts, on a configured topic: a FIS readyForIntegration event, an expense
     * report {@code statusChanged} into one of {@code concur.approval-statuses}
     * (https://developer.concur.com/event-topics/expense/v4.expense-events.html), or a payment request event (the
     * product brief's invoice topic).
     */
    boolean isHandled(DocumentWork work) {
        return whyNotHandled(work) == null;
    }

    /** Why the event is not handled, for the audit trail; null when it is. */
    String whyNotHandled(DocumentWork work) {
        ConcurEvent event = work.event;
        String topic = event.normalizedTopic();
        String what = "topic " + event.topic() + " / " + event.eventType();
        if (!services.settings.concur().topics().contains(topic)) {
            return what + " is not handled (concur.topics " + services.settings.concur().topics() + ")";
        }
        return switch (event.kind()) {
            case FIS_DOCUMENT_READY -> whyNotAHandledDocType(event.fisDocType().orElseThrow());
            case EXPENSE_REPORT -> whyNotAnApproval(event, what);
            case PAYMENT_REQUEST ->
                    event.fact("requestId").or(event::href).isPresent() ? null : what + " names no payment request";
            case OTHER -> what + " is not handled";
        };
    }

    private String whyNotAHandledDocType(FisDocType docType) {
        // e.g. funds reservations (requestObligation, reportObligation) share the topic: another system handles them,
        // so they are neither acknowledged nor confirmed here
        Set<FisDocType> handled = services.settings.concur().fisDocTypes();
        return handled.contains(docType) ? null : "docType not handled: " + docType.value()
                + " is not one of concur.fis-doc-types " + handled.stream().map(FisDocType::value).sorted().toList();
    }

    private String whyNotAnApproval(ConcurEvent event, String what) {
        if (!"statusChanged".equals(event.eventType())) {
            return what + " is not handled (only statusChanged)";
        }
        String status = event.fact("currentApprovalStatus").orElse(null);
        if (!services.settings.concur().approvalStatuses().contains(status)) {
            return "approval status " + status + " is not one of concur.approval-statuses "
                    + services.settings.concur().approvalStatuses();
        }
        return event.href().isPresent() ? null : what + " has no facts.href";
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
            services.store.inbox().ignore(work.entry.id(), workerId, why);
            services.store.audit().append(work.keys, AuditStep.IGNORED, Map.of("reason", why));
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
