package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.api.PostingConfirmation;
import io.mlconnector.concur.camel.ConcurHeaders;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A document that cannot be posted: back out whatever of it ION already accepted (FIS requires backing out every entry
 * of a failed document,
 * https://developer.concur.com/api-guides/ERP-integration/posting-via-financial-integration-service.html step 5), open
 * an exception record for a finance user, and send Concur an {@code error} posting confirmation naming each problem.
 */
final class RejectDocument implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(RejectDocument.class);
    /** FIS takes at most 1,300 characters of messageShortText. */
    private static final int MAX_SHORT_TEXT = 1300;

    private final Services services;
    private final ChunkPoster poster;
    private final ProducerTemplate concur;

    /** @param concur sends the error confirmation through the {@code concur:} endpoint of the route's confirmation */
    RejectDocument(Services services, ChunkPoster poster, ProducerTemplate concur) {
        this.services = services;
        this.poster = poster;
        this.concur = concur;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = DocumentWork.of(exchange);
        DocumentRejected rejection = DocumentRejected.of(exchange);
        if (work.fisDocument != null) {
            reverseAcceptedChunks(work);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", rejection.reason().code());
        detail.put("codes", rejection.codes());
        detail.put("messages", rejection.messages());
        // a rejected document is a finance user's problem to fix: visible in the log, not only in the audit trail
        LOG.warn("document not posted: report {} (FIS document {}): {}: {}", work.businessId(), work.fisDocumentId(),
                rejection.reason().code(), String.join("; ", rejection.messages()));
        services.store.exceptions().open(work.keys, rejection.reason().code(), rejection.codes(),
                String.join("; ", rejection.messages()));
        services.store.audit().append(work.keys, AuditStep.REJECTED, detail);
        services.metrics.documentFailed(rejection.reason().code());
        if (work.fisDocument != null && work.event.kind().confirmsPosting()) {
            confirmError(work, rejection); // the non-FIS paths have no FIS document to confirm
        }
    }

    private void reverseAcceptedChunks(DocumentWork work) {
        List<LedgerEntry> posted = services.store.ledger().forDocument(work.fisDocumentId()).stream()
                .filter(ChunkPoster::isPosted).toList();
        Map<String, PostingChunk> planned = plannedByMessageId(work, posted);
        for (LedgerEntry entry : posted) {
            PostingChunk chunk = Optional.ofNullable(planned.get(entry.messageId())).orElseThrow(() ->
                    new IllegalStateException("chunk " + entry.messageId() + " of " + work.fisDocumentId()
                            + " is posted but no longer part of the document's plan: it needs a manual reversal"));
            poster.reverse(work.keys, chunk, entry);
        }
    }

    /** The plan's chunks by messageId; each chunk's message is prepared once, and only when something is to reverse. */
    private Map<String, PostingChunk> plannedByMessageId(DocumentWork work, List<LedgerEntry> posted) {
        if (work.plan == null || posted.isEmpty()) {
            return Map.of();
        }
        Map<String, PostingChunk> planned = new HashMap<>();
        work.plan.chunks().forEach(c -> planned.put(poster.messageId(c), c));
        return planned;
    }

    private void confirmError(DocumentWork work, DocumentRejected rejection) {
        ConfirmationRecord record = services.store.ledger().decideConfirmation(work.fisDocumentId(),
                ConfirmationRecord.Outcome.ERROR, String.join("; ", rejection.messages()));
        if (record.state() == ConfirmationRecord.State.SENT) {
            return;
        }
        if ("POSTING_CONFIRMED_FAILURE".equals(work.fisDocument.docStatus())) {
            // sent by an attempt that died before recording it (see ConfirmPosting): not sent a second time
            services.store.ledger().markConfirmationSent(work.fisDocumentId());
            services.store.audit().append(work.keys, AuditStep.ALREADY_CONFIRMED,
                    Map.of("docStatus", work.fisDocument.docStatus()));
            return;
        }
        String messageId = rejection.reason().confirmationMessageId();
        List<PostingConfirmation.SystemMessage> messages = new ArrayList<>();
        messages.add(PostingConfirmation.SystemMessage.of(messageId,
                documentKind(work.docType) + " " + work.fisDocument.businessId() + " could not be posted to Infor."));
        for (int i = 0; i < rejection.messages().size(); i++) {
            String message = rejection.messages().get(i);
            String text = message.length() > MAX_SHORT_TEXT ? message.substring(0, MAX_SHORT_TEXT) : message;
            List<String> lines = rejection.lineItemIds(i);
            if (lines.isEmpty()) {
                messages.add(PostingConfirmation.SystemMessage.of(messageId, text));
            }
            // one message per failing line, so Concur's audit trail points at the line to fix
            for (String line : lines) {
                messages.add(new PostingConfirmation.SystemMessage(line, messageId, "EN", text, ""));
            }
        }
        FisItemResult result = confirmError(work, PostingConfirmation.error(work.fisDocumentId(), messages));
        if (!result.isDone()) {
            throw new RetryLater("Concur refused the error confirmation of " + work.fisDocumentId()
                    + ": code " + result.code() + " " + result.errorMessage());
        }
        services.store.ledger().markConfirmationSent(work.fisDocumentId());
        services.store.audit().append(work.keys, AuditStep.ERROR_CONFIRMATION_SENT,
                Map.of("code", result.code(), "messages", rejection.messages()));
    }

    private FisItemResult confirmError(DocumentWork work, PostingConfirmation confirmation) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(ConcurHeaders.FIS_DOC_TYPE, work.docType.value());
        headers.put(ConcurHeaders.CORRELATION_ID, work.event.correlationId());
        try {
            List<?> results = concur.requestBodyAndHeaders(ConfirmPosting.ENDPOINT, confirmation, headers, List.class);
            return (FisItemResult) results.get(0);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The document's kind as Concur's users know it, for the first line of the error confirmation. */
    private static String documentKind(FisDocType docType) {
        return switch (docType) {
            case EXPENSE -> "Expense report";
            case INVOICE -> "Invoice";
            case CASHADVANCE -> "Cash advance";
            case PAYROLL -> "Payroll document";
            case REQUESTOBLIGATION -> "Request obligation";
            case REPORTOBLIGATION -> "Report obligation";
        };
    }
}
