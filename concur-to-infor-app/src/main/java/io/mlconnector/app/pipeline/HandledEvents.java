package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.ConcurSettings;
import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.FisDocType;

import java.util.List;
import java.util.Set;

/**
 * Which ESS events this app posts from, decided from the event alone and the configuration (read once): a FIS
 * readyForIntegration event of a configured docType, an expense report {@code statusChanged} into one of
 * {@code concur.approval-statuses} (https://developer.concur.com/event-topics/expense/v4.expense-events.html), or a
 * payment request event (the product brief's invoice topic), on a topic of {@code concur.topics}. Intake sets every
 * other event aside as it stores it, so no worker claims it; a worker asks again for rows stored otherwise.
 */
final class HandledEvents {
    private final List<String> topics;
    private final List<String> approvalStatuses;
    private final Set<FisDocType> fisDocTypes;

    HandledEvents(ConcurSettings concur) {
        this.topics = List.copyOf(concur.topics());
        this.approvalStatuses = List.copyOf(concur.approvalStatuses());
        this.fisDocTypes = Set.copyOf(concur.fisDocTypes());
    }

    /** Why the event is not handled, for the inbox row and the audit trail; null when it is. */
    String whyNotHandled(ConcurEvent event) {
        String topic = event.normalizedTopic();
        String what = "topic " + event.topic() + " / " + event.eventType();
        if (!topics.contains(topic)) {
            return what + " is not handled (concur.topics " + topics + ")";
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
        return fisDocTypes.contains(docType) ? null : "docType not handled: " + docType.value()
                + " is not one of concur.fis-doc-types " + fisDocTypes.stream().map(FisDocType::value).sorted().toList();
    }

    private String whyNotAnApproval(ConcurEvent event, String what) {
        if (!"statusChanged".equals(event.eventType())) {
            return what + " is not handled (only statusChanged)";
        }
        String status = event.fact("currentApprovalStatus").orElse(null);
        if (!approvalStatuses.contains(status)) {
            return "approval status " + status + " is not one of concur.approval-statuses " + approvalStatuses;
        }
        return event.href().isPresent() ? null : what + " has no facts.href";
    }
}
