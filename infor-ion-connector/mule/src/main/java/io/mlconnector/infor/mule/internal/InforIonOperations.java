package io.mlconnector.infor.mule.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlconnector.infor.api.Bod;
import io.mlconnector.infor.api.InforIonConnection;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import io.mlconnector.infor.api.M3Operations;
import io.mlconnector.infor.api.MessagingOperations;
import io.mlconnector.infor.api.SupplierInvoice;
import io.mlconnector.infor.mule.api.InforIonError;
import org.mule.runtime.extension.api.annotation.error.Throws;
import org.mule.runtime.extension.api.annotation.param.Connection;
import org.mule.runtime.extension.api.annotation.param.Content;
import org.mule.runtime.extension.api.annotation.param.MediaType;
import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.exception.ModuleException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static org.mule.runtime.extension.api.annotation.param.MediaType.APPLICATION_JSON;

/**
 * The Infor ION operations: stateless, each one call of the core. Outputs are JSON so DataWeave reads them directly.
 */
public class InforIonOperations {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Logs in, pings IMS and lists the documents the connection point accepts.
     *
     * @return {@code tokenObtained}, {@code imsReachable}, {@code acceptedDocuments} and the {@code problems} found
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(InforIonErrorProviders.PingErrors.class)
    public String ping(@Connection InforIonConnection connection) {
        return write(InforIonErrors.call(() -> new MessagingOperations(connection).ping()));
    }

    /**
     * Posts a BOD to ION with {@code POST v3/multipartMessage}. The IMS messageId is derived from the document name,
     * accounting entity, document id and variation, so a retried post carries the same id. Raises PAYLOAD_TOO_LARGE
     * before any request when the BOD is over the connection's maxMessageBytes (split the document).
     *
     * @param bod              the BOD XML, e.g. written by DataWeave
     * @param documentName     {@code <Verb>.<Noun>}, e.g. {@code Sync.SourceSystemJournalEntry}
     * @param documentId       IMS {@code documentId}; default none
     * @param accountingEntity IMS {@code accountingEntity}; default none
     * @param variationId      IMS {@code variationId}. Default 1
     * @return {@code messageId}, {@code documentName}, {@code httpStatus} and {@code payloadBytes}
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(InforIonErrorProviders.PostMessageErrors.class)
    public String postMessage(@Connection InforIonConnection connection, @Content InputStream bod,
                              String documentName, @Optional String documentId, @Optional String accountingEntity,
                              @Optional(defaultValue = "1") long variationId) {
        Bod message = Bod.raw(documentName, documentId, accountingEntity, variationId, readAll(bod));
        return write(InforIonErrors.call(() -> new MessagingOperations(connection).postMessage(message)));
    }

    /**
     * Adds a supplier invoice to M3 through the ION API Gateway ({@code APS450MI}), unless M3 already lists it.
     *
     * @param invoice the invoice as JSON: {@code accountingEntity}, {@code supplierPartyId}, {@code payeeId},
     *                {@code invoiceNumber}, {@code invoiceDate}, {@code currency}, {@code total},
     *                {@code description}, {@code variationId} and {@code lines} ({@code glAccount},
     *                {@code costCenter}, {@code amount}, {@code taxAmount}, {@code description})
     * @return {@code invoiceBatchNumber}, {@code alreadyPresent} and {@code linesAdded}
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(InforIonErrorProviders.M3WriteErrors.class)
    public String addSupplierInvoice(@Connection InforIonConnection connection, @Content InputStream invoice) {
        SupplierInvoice parsed = readInvoice(invoice);
        return write(InforIonErrors.call(() -> new M3Operations(connection).addSupplierInvoice(parsed)));
    }

    /**
     * Finds the M3 invoice batch of a supplier invoice ({@code APS450MI/LstInvBySupInv}); raises NOT_FOUND when M3
     * has none.
     *
     * @param payee         SPYN, the payee
     * @param supplier      SUNO, the supplier
     * @param invoiceNumber SINO, the supplier's invoice number
     * @return {@code invoiceBatchNumber}
     */
    @MediaType(value = APPLICATION_JSON, strict = false)
    @Throws(InforIonErrorProviders.M3ReadErrors.class)
    public String findSupplierInvoice(@Connection InforIonConnection connection, String payee, String supplier,
                                      String invoiceNumber) {
        String batch = InforIonErrors.call(() -> new M3Operations(connection)
                .findSupplierInvoice(payee, supplier, invoiceNumber)).orElseThrow(() -> new ModuleException(
                "M3 has no invoice " + invoiceNumber + " of supplier " + supplier, InforIonError.NOT_FOUND));
        return write(Map.of("invoiceBatchNumber", batch));
    }

    private static SupplierInvoice readInvoice(InputStream invoice) {
        try (invoice) {
            return JSON.readValue(invoice, SupplierInvoice.class);
        } catch (IOException e) {
            // the record's own checks (balance, required fields) arrive wrapped in Jackson's exception
            if (e.getCause() instanceof InforIonException invalid) {
                throw InforIonErrors.toModuleException(invalid);
            }
            throw InforIonErrors.toModuleException(new InforIonException(InforIonErrorType.INVALID_INPUT,
                    "the supplier invoice is not valid JSON of the expected shape: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage())));
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw InforIonErrors.toModuleException(new InforIonException(InforIonErrorType.INVALID_INPUT,
                    "the BOD could not be read: " + e.getMessage()));
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
