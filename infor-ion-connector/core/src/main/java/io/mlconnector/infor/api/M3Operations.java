package io.mlconnector.infor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.infor.internal.GatewayClient.Retry;
import io.mlconnector.infor.internal.MessageIds;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The REST posting path for tenants that post without BODs: Infor M3 supplier invoice batch {@code APS450MI}
 * (https://github.com/infor-cloud/xtendm3). A supplier invoice becomes one AddHead plus one cost line ({@code RDTP=8})
 * per line, with {@code AIT1} = GL account and {@code AIT2} = cost center; {@code LstInvBySupInv} is checked first so a
 * retry never adds the invoice twice.
 */
public final class M3Operations {
    static final String EXECUTE = "/M3/m3api-rest/v2/execute/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter M3_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final InforIonConnection connection;

    public M3Operations(InforIonConnection connection) {
        this.connection = connection;
    }

    /**
     * Adds the supplier invoice to M3's invoice batch, unless {@code LstInvBySupInv} already lists it.
     *
     * @return the invoice batch number (INBN) and whether it was already present
     * @throws InforIonException M3_ERROR (M3 refused a transaction; the message names the field and, for a failed
     *                           line, the INBN of the incomplete batch), CONFIGURATION, THROTTLED, CONNECTIVITY
     */
    public M3InvoiceResult addSupplierInvoice(SupplierInvoice invoice) {
        Optional<String> existing = findSupplierInvoice(invoice.payeeId(), invoice.supplierPartyId(), invoice.invoiceNumber());
        if (existing.isPresent()) {
            return new M3InvoiceResult(existing.get(), true, 0);
        }
        String batchNumber = addHead(invoice);
        int line = 0;
        for (SupplierInvoiceLine l : invoice.lines()) {
            line++;
            try {
                addCostLine(invoice, batchNumber, l);
            } catch (InforIonException e) {
                throw new InforIonException(e.type(), "invoice " + invoice.invoiceNumber() + " line " + line
                        + " was refused; invoice batch " + batchNumber + " is incomplete and must be deleted in APS450 "
                        + "before a retry: " + e.getMessage(), e.vendorCode(), e);
            }
        }
        return new M3InvoiceResult(batchNumber, false, line);
    }

    /**
     * {@code APS450MI/LstInvBySupInv}: the invoice batch number of an invoice already in M3.
     *
     * @param payee         SPYN
     * @param supplier      SUNO
     * @param invoiceNumber SINO
     * @throws InforIonException M3_ERROR, CONFIGURATION, THROTTLED, CONNECTIVITY
     */
    public Optional<String> findSupplierInvoice(String payee, String supplier, String invoiceNumber) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("SPYN", payee);
        in.put("SUNO", supplier);
        in.put("SINO", invoiceNumber);
        List<JsonNode> records = execute("APS450MI", "LstInvBySupInv", in, Retry.TRANSIENT);
        return records.stream().map(r -> r.path("INBN").asText("")).filter(s -> !s.isBlank()).findFirst();
    }

    private String addHead(SupplierInvoice invoice) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("DIVI", invoice.accountingEntity());
        in.put("SUNO", invoice.supplierPartyId());
        in.put("SPYN", invoice.payeeId());
        in.put("SINO", invoice.invoiceNumber());
        in.put("IVDT", M3_DATE.format(invoice.invoiceDate()));
        in.put("ACDT", M3_DATE.format(invoice.invoiceDate()));
        in.put("CUCD", invoice.currency());
        in.put("CUAM", invoice.total().toPlainString());
        BigDecimal tax = invoice.taxTotal();
        if (tax.signum() != 0) {
            in.put("VTAM", tax.toPlainString());
        }
        in.put("CORI", correlationId(invoice));
        // creating calls are repeated only after 429: a timeout may have created the head already
        List<JsonNode> records = execute("APS450MI", "AddHead", in, Retry.THROTTLED_ONLY);
        String batchNumber = records.isEmpty() ? "" : records.get(0).path("INBN").asText("");
        if (batchNumber.isBlank()) {
            throw new InforIonException(InforIonErrorType.M3_ERROR, "APS450MI/AddHead returned no INBN", "APS450MI/AddHead");
        }
        return batchNumber;
    }

    private void addCostLine(SupplierInvoice invoice, String batchNumber, SupplierInvoiceLine line) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("DIVI", invoice.accountingEntity());
        in.put("INBN", batchNumber);
        in.put("RDTP", "8");
        in.put("NLAM", line.amount().toPlainString());
        in.put("AIT1", line.glAccount());
        if (line.costCenter() != null) {
            in.put("AIT2", line.costCenter());
        }
        if (line.description() != null) {
            in.put("VTXT", line.description());
        }
        execute("APS450MI", "AddLine", in, Retry.THROTTLED_ONLY);
    }

    /** A short deterministic correlation id (CORI) per invoice and variation: the same invoice, the same CORI. */
    static String correlationId(SupplierInvoice invoice) {
        return "MLC" + MessageIds.sha256Hex(invoice.accountingEntity() + "|" + invoice.supplierPartyId() + "|"
                + invoice.invoiceNumber() + "|" + invoice.variationId()).substring(0, 7).toUpperCase();
    }

    /**
     * Runs one MI transaction ({@code GET .../execute/{program}/{transaction}?fields}).
     *
     * @return the records of the first result
     */
    List<JsonNode> execute(String program, String transaction, Map<String, String> fields, Retry retry) {
        String call = program + "/" + transaction;
        StringJoiner query = new StringJoiner("&");
        fields.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        URI uri = URI.create(connection.apiBase() + EXECUTE + call + (fields.isEmpty() ? "" : "?" + query));
        HttpResponse<byte[]> response = connection.gateway().send("M3 " + call, uri,
                b -> b.header("Accept", "application/json").GET(), retry);
        int status = response.statusCode();
        JsonNode result = firstResult(response.body());
        String error = result == null ? null : result.path("errorMessage").asText(null);
        if (status == 200 && error == null) {
            List<JsonNode> records = new ArrayList<>();
            result.path("records").forEach(records::add);
            return records;
        }
        if (error != null && status == 200) {
            String field = result.path("errorField").asText("");
            throw new InforIonException(InforIonErrorType.M3_ERROR, call + " refused" + (field.isEmpty() ? "" : " field "
                    + field) + ": " + error.strip(), call);
        }
        InforIonErrorType type = status == 401 || status == 403 || status == 404 ? InforIonErrorType.CONFIGURATION
                : status == 429 ? InforIonErrorType.THROTTLED : InforIonErrorType.CONNECTIVITY;
        String hint = status == 404 ? ": M3 is not reachable under " + connection.apiBase() + "/M3 (is the tenant an M3 tenant?)"
                : status == 401 || status == 403 ? ": the authorized app may not call M3" : "";
        throw new InforIonException(type, call + " answered HTTP " + status + (error == null ? "" : " (" + error + ")")
                + hint, Integer.toString(status));
    }

    private static JsonNode firstResult(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode results = json == null ? null : json.path("results");
            return results != null && results.isArray() && results.size() > 0 ? results.get(0) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
