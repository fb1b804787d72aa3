package io.mlconnector.concur.mule.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.ConcurWebhookSource;
import io.mlconnector.concur.api.ConnectionOperations;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.api.FisOperations;
import io.mlconnector.concur.api.FisOutcome;
import io.mlconnector.concur.api.PostingConfirmation;
import io.mlconnector.concur.mule.api.AuditMessage;
import io.mlconnector.concur.mule.api.ConcurError;
import io.mlconnector.concur.mule.api.ConcurEventAttributes;
import io.mlconnector.concur.mule.api.ErpDocument;
import io.mlconnector.concur.mule.api.PostingStatus;
import org.mule.runtime.extension.api.annotation.error.Throws;
import org.mule.runtime.extension.api.annotation.param.Config;
import org.mule.runtime.extension.api.annotation.param.Connection;
import org.mule.runtime.extension.api.annotation.param.Content;
import org.mule.runtime.extension.api.annotation.param.MediaType;
import org.mule.runtime.extension.api.annotation.param.NullSafe;
import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.exception.ModuleException;
import org.mule.runtime.extension.api.runtime.operation.Result;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.mule.runtime.extension.api.annotation.param.MediaType.APPLICATION_JSON;

/**
 * The Concur operations: stateless, each one call of the core. Outputs are JSON so DataWeave reads them directly.
 */
public class ConcurOperations {

    /**
     * Proves the credentials work: obtains (or refreshes) the company token and makes one cheap FIS read.
     *
     * @return the geolocation in use and the token expiries
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(ConcurErrorProviders.PingErrors.class)
    public String ping(@Connection ConcurConnection connection) {
        return call(() -> Json.write(new ConnectionOperations(connection).ping()));
    }

    /**
     * Verifies a webhook delivery received by the app's HTTP listener: checks {@code Concur-Signature} over the raw
     * body with the configuration's keys and parses the event. Raises UNAUTHORIZED for a missing or bad signature
     * (answer 401: ESS retries) and INVALID_MESSAGE for a signed body that is not an event.
     *
     * @param body                  the raw request body, exactly as received
     * @param signature             the {@code Concur-Signature} header
     * @param deliveryCorrelationId the {@code Concur-Correlationid} header; default none
     * @return the event JSON, with the event id, topic and document id as attributes
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(ConcurErrorProviders.VerifyErrors.class)
    public Result<String, ConcurEventAttributes> verifyEvent(@Config ConcurConfig config,
                                                             @Content InputStream body,
                                                             @Optional String signature,
                                                             @Optional String deliveryCorrelationId) {
        byte[] raw = readAll(body);
        AtomicReference<ConcurEvent> verified = new AtomicReference<>();
        ConcurWebhookSource.Answer answer = call(() -> config.verifier().onDelivery(raw, signature,
                deliveryCorrelationId, verified::set));
        return switch (answer.status()) {
            case 200 -> ConcurWebhookListener.toResult(verified.get());
            case 401 -> throw new ModuleException(answer.message(), ConcurError.UNAUTHORIZED);
            default -> throw new ModuleException(answer.message(), ConcurError.INVALID_MESSAGE);
        };
    }

    /**
     * Gets one FIS document by its business id (the event's {@code facts.documentId}). Raises NOT_FOUND when Concur
     * has none.
     *
     * @param docType              the FIS document type
     * @param docId                report id, payment request id or cash advance id
     * @param ignoreDocumentStatus true: return it whatever its status. Default false
     * @param correlationId        the {@code concur-correlationid} to send (reuse the event's); default a fresh one
     * @return {@code id} (the FIS document id to acknowledge), {@code docStatus}, {@code businessId},
     *         {@code currency}, {@code totalAmount} and the whole FIS {@code document}
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(ConcurErrorProviders.FisReadErrors.class)
    public String getFisDocument(@Connection ConcurConnection connection, FisDocType docType, String docId,
                                 @Optional(defaultValue = "false") boolean ignoreDocumentStatus,
                                 @Optional String correlationId) {
        FisDocument document = call(() -> fis(connection, correlationId).getDocument(docType, docId,
                ignoreDocumentStatus)).orElseThrow(() -> new ModuleException(
                "Concur has no " + docType + " FIS document for " + docId, ConcurError.NOT_FOUND));
        ObjectNode out = Json.object().put("id", document.id()).put("docType", document.docType())
                .put("docStatus", document.docStatus()).put("businessId", document.businessId())
                .put("currency", document.currency()).put("totalAmount", document.totalAmount());
        out.set("document", document.json());
        return out.toString();
    }

    /**
     * Acknowledges FIS documents right after reading them, which stops a recall while they are posted. Raises
     * RECALLED when Concur answers that a document was recalled: it must not be posted.
     *
     * @param docType        the FIS document type
     * @param fisDocumentIds FIS document ids (the {@code id} of {@code get-fis-document}), not report ids
     * @param correlationId  the {@code concur-correlationid} to send; default a fresh one
     * @return one result per id: {@code docId}, {@code code}, {@code outcome}
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(ConcurErrorProviders.AcknowledgeErrors.class)
    public String acknowledge(@Connection ConcurConnection connection, FisDocType docType,
                              List<String> fisDocumentIds, @Optional String correlationId) {
        List<FisItemResult> results = call(() -> fis(connection, correlationId).acknowledge(docType, fisDocumentIds));
        results.stream().filter(result -> result.outcome() == FisOutcome.RECALLED).findFirst().ifPresent(recalled -> {
            throw new ModuleException("FIS document " + recalled.docId() + " was recalled: do not post it",
                    ConcurError.RECALLED);
        });
        return Json.write(results);
    }

    /**
     * Sends Concur the posting confirmation of one FIS document: SUCCESS with the ERP documents that hold it, or
     * ERROR (after everything of it was backed out) with messages for Concur's audit trail.
     *
     * @param docType          the FIS document type
     * @param fisDocumentId    the FIS document id
     * @param status           SUCCESS or ERROR
     * @param postingDocuments SUCCESS: the ERP documents (at least one); default none
     * @param systemMessages   ERROR: the audit-trail messages (at least one); default none
     * @param correlationId    the {@code concur-correlationid} to send; default a fresh one
     * @return one result per document; ALREADY_CONFIRMED counts as done
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(ConcurErrorProviders.FisWriteErrors.class)
    public String confirmPosting(@Connection ConcurConnection connection, FisDocType docType, String fisDocumentId,
                                 PostingStatus status, @Optional @NullSafe List<ErpDocument> postingDocuments,
                                 @Optional @NullSafe List<AuditMessage> systemMessages,
                                 @Optional String correlationId) {
        PostingConfirmation confirmation = call(() -> switch (status) {
            case SUCCESS -> PostingConfirmation.success(fisDocumentId, postingDocuments.stream()
                    .map(ConcurOperations::postingDoc).toList());
            case ERROR -> PostingConfirmation.error(fisDocumentId, systemMessages.stream()
                    .map(ConcurOperations::systemMessage).toList());
        });
        return Json.write(call(() -> fis(connection, correlationId).confirmPosting(docType, List.of(confirmation))));
    }

    private static FisOperations fis(ConcurConnection connection, String correlationId) {
        return new FisOperations(connection).withCorrelationId(correlationId);
    }

    private static PostingConfirmation.PostingDoc postingDoc(ErpDocument document) {
        return new PostingConfirmation.PostingDoc(document.getCompanyId(), document.getDocumentNumber(),
                document.getFiscalYear(),
                document.getPostingDate() == null ? null : LocalDate.parse(document.getPostingDate()));
    }

    private static PostingConfirmation.SystemMessage systemMessage(AuditMessage message) {
        return new PostingConfirmation.SystemMessage(
                message.getTransactionLineItemId() == null ? "" : message.getTransactionLineItemId(),
                message.getMessageId(), "EN", message.getShortText(), "");
    }

    private static byte[] readAll(InputStream body) {
        try (body) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new ModuleException("the webhook body could not be read: " + e.getMessage(),
                    ConcurError.INVALID_MESSAGE, e);
        }
    }

    /** Runs a core call, turning its typed failure into the Mule error of the same type. */
    static <T> T call(CoreCall<T> call) {
        try {
            return call.run();
        } catch (ConcurException e) {
            throw ConcurErrors.toModuleException(e);
        }
    }

    @FunctionalInterface
    interface CoreCall<T> {
        T run();
    }
}
