package io.mlconnector.concur.api;

/**
 * What an Event Subscription Service event is, from its topic and event type: the one place an integration decides
 * which flow the event takes. Whether an integration handles a kind at all (its subscribed topics, the FIS document
 * types or approval statuses it posts) is its own configuration, checked after this.
 *
 * @see <a href="https://developer.concur.com/event-topics/">Event Subscription Service topics</a>
 */
public enum ConcurEventKind {
    /**
     * A FIS {@code *.readyForIntegration} event of a known docType ({@link ConcurEvent#fisDocType()}) on the
     * financial-integration topic: a document to read with the FIS API, acknowledge and, once posted, confirm.
     *
     * @see <a href="https://developer.concur.com/api-reference/financial-integration/external-readyforIntegration-event.html">readyForIntegration event</a>
     */
    FIS_DOCUMENT_READY,
    /** An event on the expense report topic (for tenants without FIS: a report that reached an approval status). */
    EXPENSE_REPORT,
    /** An event on the invoice payment request topic (for tenants without FIS). */
    PAYMENT_REQUEST,
    /**
     * Anything else: another topic, or an event on the financial-integration topic that is not a readyForIntegration
     * of a known docType.
     */
    OTHER;

    /**
     * True when Concur expects the integration to acknowledge the document and confirm its posting: FIS documents
     * only; the expense report and payment request reads have nothing to acknowledge or confirm.
     */
    public boolean confirmsPosting() {
        return switch (this) {
            case FIS_DOCUMENT_READY -> true;
            case EXPENSE_REPORT, PAYMENT_REQUEST, OTHER -> false;
        };
    }
}
