package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.concur.api.ConcurEvent;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claims inbox rows for this instance (several instances on one PostgreSQL never claim the same row) and records how
 * each attempt ended: done, ignored, retry later with backoff, or dead-lettered after the configured attempts.
 */
final class InboxWorker {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);

    private final Services services;
    private final String workerId;

    InboxWorker(Services services, String workerId) {
        this.services = services;
        this.workerId = workerId;
    }

    /**
     * Body: the claimed rows as {@link DocumentWork}, grouped by the document they are about (in claim order). Groups
     * run in parallel, the events of one group one after the other: two events for one document (Concur approving it
     * twice, a replay beside a late delivery) must not post and confirm it side by side, which sent Concur two posting
     * confirmations. A batch is the only concurrency of one instance (the timer waits for it).
     */
    void claim(Exchange exchange) {
        List<InboxEntry> claimed = services.store.inbox().claim(services.config.worker().count(), workerId,
                services.config.worker().lease());
        Map<String, List<DocumentWork>> byDocument = new LinkedHashMap<>();
        for (InboxEntry entry : claimed) {
            DocumentWork work = work(entry);
            String document = work.businessId() != null ? work.businessId() : "event:" + entry.essEventId();
            byDocument.computeIfAbsent(document, d -> new ArrayList<>()).add(work);
        }
        exchange.getMessage().setBody(List.copyOf(byDocument.values()));
    }

    private DocumentWork work(InboxEntry entry) {
        ConcurEvent event = ConcurEvent.parse(entry.event().body().getBytes(StandardCharsets.UTF_8), null);
        return new DocumentWork(entry, event, workerId);
    }

    /**
     * True when the event is one this app posts, on a configured topic: a FIS readyForIntegration event, an expense
     * report {@code statusChanged} into one of {@code concur.approval-statuses} (concur-api.md §3.2), or a payment
     * request event (the product brief's invoice topic).
     */
    boolean isHandled(DocumentWork work) {
        return whyNotHandled(work) == null;
    }

    /** Why the event is not handled, for the audit trail; null when it is. */
    String whyNotHandled(DocumentWork work) {
        ConcurEvent event = work.event;
        String topic = event.normalizedTopic();
        String what = "topic " + event.topic() + " / " + event.eventType();
        if (!services.config.concur().topics().contains(topic)) {
            return what + " is not handled (concur.topics " + services.config.concur().topics() + ")";
        }
        if (ConcurEvent.TOPIC_EXPENSE_REPORT.equals(topic)) {
            return whyNotAnApproval(event, what);
        }
        if (ConcurEvent.TOPIC_INVOICE_PAYMENT_REQUEST.equals(topic)) {
            return event.fact("requestId").or(event::href).isPresent() ? null : what + " names no payment request";
        }
        return event.isReadyForIntegration() && event.fisDocType().isPresent() ? null : what + " is not handled";
    }

    private String whyNotAnApproval(ConcurEvent event, String what) {
        if (!"statusChanged".equals(event.eventType())) {
            return what + " is not handled (only statusChanged)";
        }
        String status = event.fact("currentApprovalStatus").orElse(null);
        if (!services.config.concur().approvalStatuses().contains(status)) {
            return "approval status " + status + " is not one of concur.approval-statuses "
                    + services.config.concur().approvalStatuses();
        }
        return event.href().isPresent() ? null : what + " has no facts.href";
    }

    void done(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        services.store.inbox().complete(work.entry.id(), workerId);
    }

    /** An event this app does not handle: answered long ago with 2xx, now audited and set aside. */
    void ignore(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        String why = whyNotHandled(work);
        services.store.inbox().ignore(work.entry.id(), workerId, why);
        services.store.audit().append(work.keys, AuditStep.IGNORED, Map.of("reason", why));
    }

    /** The attempt failed: back off and try again, or dead-letter when the attempts are used up. */
    void retryLater(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = failure == null ? "unknown failure" : Failures.describe(failure);
        Optional<InboxState> state = services.store.inbox().failRetryable(work.entry.id(), workerId, error);
        String step = state.orElse(null) == InboxState.DEAD ? AuditStep.DEAD_LETTERED : AuditStep.RETRY_SCHEDULED;
        LOG.warn("event {} (document {}): {}: {}", work.entry.essEventId(), work.businessId(), step, error);
        services.store.audit().append(work.keys, step, Map.of("attempt", work.entry.attempts(), "error", error));
    }
}
