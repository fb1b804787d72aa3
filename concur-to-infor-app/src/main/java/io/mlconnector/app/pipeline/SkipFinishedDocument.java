package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ConfirmationRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a FIS document that this app has already confirmed to Concur as {@code error}. FIS closes a document with its
 * first posting confirmation (a later one is answered 113 and changes nothing) and a resubmitted report arrives as a
 * new FIS document
 * (https://developer.concur.com/api-guides/ERP-integration/posting-via-financial-integration-service.html). Posting the
 * old one now, after its account was fixed and its event came again, would leave GL entries Concur never hears of, and
 * the resubmission would post them a second time.
 *
 * <p>An error decided but not yet sent (a crash in between) goes back to {@link RejectDocument} to be sent.
 */
final class SkipFinishedDocument implements Processor {
    private final Services services;

    SkipFinishedDocument(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        Optional<ConfirmationRecord> record = services.store.ledger().confirmation(work.fisDocumentId());
        if (record.isEmpty() || record.get().outcome() != ConfirmationRecord.Outcome.ERROR) {
            return;
        }
        if (record.get().state() == ConfirmationRecord.State.PENDING) {
            throw new DocumentRejected(RejectionReason.REJECTED_EARLIER, List.of(), List.of(record.get().detail()));
        }
        work.finished = true;
        services.store.audit().append(work.keys, AuditStep.ALREADY_CONFIRMED, Map.of("outcome", "ERROR",
                "action", "not posted: Concur closed this FIS document; a resubmitted report arrives as a new one"));
    }
}
