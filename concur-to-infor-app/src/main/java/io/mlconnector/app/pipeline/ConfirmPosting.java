package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.api.PostingConfirmation;
import io.mlconnector.concur.camel.ConcurHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells Concur the document is posted: one {@code success} posting confirmation whose {@code postingDocs} name the
 * Infor journal chunks
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html). Decided once in the
 * ledger and sent once; 113 (already confirmed) on a retry counts as sent. With BODs this confirms "accepted by ION";
 * with M3 REST "confirmed by the ERP" (M3 answered synchronously): README-posting.md states each guarantee.
 */
final class ConfirmPosting {
    /** The route's call: the {@code concur:} component sends the posting confirmation in the body. */
    static final String ENDPOINT = "concur:confirm-posting";

    /** FIS limits documentNumber to 80 characters. */
    private static final int MAX_DOCUMENT_NUMBER = 80;
    /** docStatus values that mean Concur already holds a success posting confirmation (the FIS swagger's enum). */
    private static final Set<String> CONFIRMED_AT_CONCUR = Set.of("POSTING_CONFIRMED_SUCCESS", "PAID",
            "PAYMENT_CONFIRMED_SUCCESS", "PAYMENT_CONFIRMED_REVERSED", "PAYMENT_CONFIRMED_OBSOLETE");

    private final Services services;

    ConfirmPosting(Services services) {
        this.services = services;
    }

    /**
     * Decides the confirmation in the ledger and, unless Concur has it already, makes it the body: a
     * {@link PostingConfirmation} for the {@code concur:confirm-posting} call; otherwise the body stays the work.
     */
    void request(Exchange exchange) {
        DocumentWork work = DocumentWork.of(exchange);
        ConfirmationRecord record = services.store.ledger().decideConfirmation(work.fisDocumentId(),
                ConfirmationRecord.Outcome.SUCCESS, String.join(",", work.postedMessageIds));
        if (record.state() == ConfirmationRecord.State.SENT) {
            services.store.audit().append(work.keys, AuditStep.ALREADY_CONFIRMED, Map.of());
            return;
        }
        if (record.outcome() != ConfirmationRecord.Outcome.SUCCESS) {
            throw new RetryLater("document " + work.fisDocumentId() + " was decided " + record.outcome()
                    + " earlier; not confirming success");
        }
        if (CONFIRMED_AT_CONCUR.contains(work.fisDocument.docStatus())) {
            // the last attempt died after Concur took the confirmation but before the ledger recorded it: the
            // document, fetched again in this attempt, already shows it in docStatus
            services.store.ledger().markConfirmationSent(work.fisDocumentId());
            services.store.audit().append(work.keys, AuditStep.ALREADY_CONFIRMED,
                    Map.of("docStatus", work.fisDocument.docStatus()));
            return;
        }
        work.holdLease(services, "the posting confirmation");
        Message message = exchange.getMessage();
        message.setHeader(ConcurHeaders.FIS_DOC_TYPE, work.docType.value());
        message.setHeader(ConcurHeaders.CORRELATION_ID, work.event.correlationId());
        message.setBody(PostingConfirmation.success(work.fisDocumentId(), postingDocs(work)));
    }

    /** True when {@link #request} left a confirmation to send. */
    static boolean isDue(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof PostingConfirmation;
    }

    /** Concur's answer: 113 (already confirmed) on a retry counts as sent. */
    void confirmed(Exchange exchange) {
        FisItemResult result = AcknowledgeDocument.onlyResult(exchange);
        DocumentWork work = DocumentWork.resume(exchange);
        if (!result.isDone()) {
            throw new RetryLater("Concur refused the posting confirmation of " + work.fisDocumentId()
                    + ": code " + result.code() + " " + result.errorMessage());
        }
        services.store.ledger().markConfirmationSent(work.fisDocumentId());
        services.metrics.documentPosted(work.docType.value());
        services.store.exceptions().resolveFor(work.fisDocumentId());
        if (work.fisDocument.businessId() != null) {
            // the report's earlier FIS documents that failed are settled by this one (a resubmission)
            services.store.exceptions().resolveFor(work.fisDocument.businessId());
        }
        // the worker names the app instance that posted, for operators of several instances on one database
        services.store.audit().append(work.keys, AuditStep.CONFIRMATION_SENT, Map.of("code", result.code(),
                "postingDocs", postingDocs(work).stream().map(PostingConfirmation.PostingDoc::documentNumber).toList(),
                "worker", work.workerId));
    }

    /** The GL journal chunks; where the AP invoice replaces the journal (M3), the invoice. */
    private List<PostingConfirmation.PostingDoc> postingDocs(DocumentWork work) {
        List<PostingChunk> posted = work.plan.glChunks().isEmpty() ? work.plan.chunks() : work.plan.glChunks();
        return posted.stream().map(this::postingDoc).toList();
    }

    private PostingConfirmation.PostingDoc postingDoc(PostingChunk chunk) {
        String id = services.sender.documentNumber(chunk);
        String number = id.length() > MAX_DOCUMENT_NUMBER ? id.substring(0, MAX_DOCUMENT_NUMBER) : id;
        return new PostingConfirmation.PostingDoc(chunk.accountingEntity(), number,
                Integer.toString(chunk.postingDate().getYear()), chunk.postingDate());
    }
}
