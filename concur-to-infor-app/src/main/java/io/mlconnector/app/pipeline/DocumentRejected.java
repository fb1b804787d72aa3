package io.mlconnector.app.pipeline;

import org.apache.camel.Exchange;

import java.util.List;

/**
 * A document that cannot be posted as it is (unknown GL account or cost center, unmappable expense type, a chunk ION
 * refuses): nothing of it may stay posted, Concur gets an {@code error} posting confirmation naming each problem, and a
 * finance user gets an exception record to fix and replay. Not retried.
 *
 * @see RejectDocument
 */
final class DocumentRejected extends RuntimeException {
    /** The exchange property holding the rejection when the route handled another exception (Infor's refusal). */
    static final String PROPERTY = "mlcDocumentRejected";

    private final RejectionReason reason;
    private final List<String> codes;
    private final List<String> messages;
    private final List<List<String>> lineItemIds;

    DocumentRejected(RejectionReason reason, List<String> codes, List<String> messages) {
        this(reason, codes, messages, messages.stream().map(m -> List.<String>of()).toList());
    }

    /** @param lineItemIds per message, the Concur entry / line item ids it is about (may be empty) */
    DocumentRejected(RejectionReason reason, List<String> codes, List<String> messages,
                     List<List<String>> lineItemIds) {
        super(reason.code() + ": " + String.join("; ", messages));
        if (lineItemIds.size() != messages.size()) {
            throw new IllegalArgumentException("one list of line item ids per message");
        }
        this.reason = reason;
        this.codes = List.copyOf(codes);
        this.messages = List.copyOf(messages);
        this.lineItemIds = lineItemIds.stream().map(List::copyOf).toList();
    }

    /** The rejection the route is handling. */
    static DocumentRejected of(Exchange exchange) {
        DocumentRejected rejection = exchange.getProperty(PROPERTY, DocumentRejected.class);
        return rejection != null ? rejection : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DocumentRejected.class);
    }

    /** Why the document is not posted. */
    RejectionReason reason() {
        return reason;
    }

    /** The codes a finance user must fix (GL accounts, cost centers, expense types). */
    List<String> codes() {
        return codes;
    }

    /** One human-readable message per problem, as Concur shows them on the report's audit trail. */
    List<String> messages() {
        return messages;
    }

    /** The Concur line items message {@code index} is about, for the confirmation's concurTransactionLineItemId. */
    List<String> lineItemIds(int index) {
        return lineItemIds.get(index);
    }
}
