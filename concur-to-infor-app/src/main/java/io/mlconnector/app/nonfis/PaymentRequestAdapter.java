package io.mlconnector.app.nonfis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.concur.api.ConcurFields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.mlconnector.app.nonfis.AdapterJson.NODES;
import static io.mlconnector.app.nonfis.AdapterJson.putIfPresent;
import static io.mlconnector.concur.api.ConcurFields.text;

/**
 * Turns an Invoice v3 payment request ({@code GET /api/v3.0/invoice/paymentrequest/{id}},
 * https://developer.concur.com/api-reference/invoice/v3.payment-request.html; field names from Concur's v3 schema:
 * {@code LineItems[]}, {@code Allocations[]}, {@code VendorRemitToIdentifier}, amounts as strings) into the FIS invoice
 * document shape, so the invoice rules of the one mapping file apply:
 * <ul>
 *   <li>a line's {@code TotalPrice} is its gross, {@code VatAmount} (else {@code Tax}) its tax and
 *       {@code AmountWithoutVat} (else gross − tax) its net;</li>
 *   <li>each {@code Allocations[]} item gets its {@code Percentage} of the line (no allocations: one at 100 %), the
 *       last allocation takes the rounding remainder so every line adds up exactly;</li>
 *   <li>the header {@code ShippingAmount} goes to the first allocation of the first line (FIS carries shipping per
 *       allocation; v3 only on the header);</li>
 *   <li>{@code CustomN}/{@code OrgUnitN} → {@code requestCustomNCode}, {@code lineItemCustomNCode},
 *       {@code allocationCustomNCode}; {@code BuyerCostCenter} is kept as {@code requestCustom24Code} only when that
 *       field is empty, so a cost-center source can name it.</li>
 * </ul>
 * The lines plus shipping must add up to {@code InvoiceAmount}; otherwise the request is refused, naming both sums.
 * The raw v3 answer stays under {@code paymentRequestV3}.
 */
public final class PaymentRequestAdapter {
    /** The key under which the raw v3 answer is kept; not part of the posting content. */
    public static final String RAW = "paymentRequestV3";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JsonNode request;
    private final String requestId;
    private final List<String> problems = new ArrayList<>();

    private PaymentRequestAdapter(JsonNode request, String requestId) {
        this.request = request;
        this.requestId = requestId;
    }

    /**
     * The FIS-shaped invoice document ({@code requestHeader}, {@code ownerEmployee}, {@code vendor},
     * {@code lineItem[]}).
     *
     * @param paymentRequest the v3 answer
     * @param requestId      the payment request id the event named (used when the answer carries no {@code ID})
     * @throws NonFisDocumentException naming every problem: no currency, amounts that are not numbers, allocation
     *                                 percentages that do not add up to 100, lines that do not add up to the total
     */
    public static ObjectNode toFisDocument(JsonNode paymentRequest, String requestId) {
        String id = text(paymentRequest, "ID");
        id = id != null ? id : text(paymentRequest, "PaymentRequestId");
        return new PaymentRequestAdapter(paymentRequest, id != null ? id : requestId).adapt();
    }

    private ObjectNode adapt() {
        ObjectNode document = NODES.objectNode();
        ObjectNode header = header();
        document.set("requestHeader", header);
        document.set("ownerEmployee", owner());
        document.set("vendor", vendor());
        ArrayNode lines = document.putArray("lineItem");
        BigDecimal shipping = number(request, "ShippingAmount");
        BigDecimal total = BigDecimal.ZERO; // the first line's gross carries the shipping
        int sequence = 0;
        for (JsonNode v3Line : AdapterJson.elements(request, "LineItems", "LineItem")) {
            sequence++;
            ObjectNode line = line(v3Line, sequence, sequence == 1 ? shipping : null);
            lines.add(line);
            total = total.add(lineGross(line));
        }
        if (sequence == 0) {
            problems.add("the payment request has no LineItems");
        }
        BigDecimal invoiceAmount = number(request, "InvoiceAmount");
        if (invoiceAmount != null && problems.isEmpty() && invoiceAmount.compareTo(total) != 0) {
            problems.add("the line items and shipping add up to " + total.toPlainString() + " but InvoiceAmount is "
                    + invoiceAmount.toPlainString());
        }
        if (!problems.isEmpty()) {
            throw new NonFisDocumentException(requestId == null ? "(no ID)" : requestId, problems);
        }
        return document;
    }

    private ObjectNode header() {
        ObjectNode header = NODES.objectNode();
        putIfPresent(header, "requestId", requestId);
        putIfPresent(header, "requestTitle", text(request, "Name"));
        putIfPresent(header, "vendorInvoiceNumber", text(request, "InvoiceNumber"));
        putIfPresent(header, "invoiceDate", text(request, "InvoiceDate"));
        putIfPresent(header, "invoiceReceivedDate", text(request, "InvoiceReceivedDate"));
        putIfPresent(header, "paymentDueDate", text(request, "PaymentDueDate"));
        String currency = text(request, "CurrencyCode");
        if (currency == null) {
            problems.add("the payment request has no CurrencyCode");
        }
        putIfPresent(header, "currencyAlphaCode", currency);
        putIfPresent(header, "requestTotal", number(request, "InvoiceAmount"));
        putIfPresent(header, "amountNetInvoice", number(request, "AmountWithoutVat"));
        putIfPresent(header, "amountShippingTotal", number(request, "ShippingAmount"));
        putIfPresent(header, "amountTax", number(request, "TaxAmount"));
        putIfPresent(header, "ledgerCode", text(request, "LedgerCode"));
        putIfPresent(header, "poNumber", text(request, "PurchaseOrderNumber"));
        putIfPresent(header, "deliverySlipNumber", text(request, "DeliverySlipNumber"));
        putIfPresent(header, "requestDescription", text(request, "Description"));
        putIfPresent(header, "vendorTaxId", text(request, "VendorTaxId"));
        putIfPresent(header, "externalPolicyId", text(request, "ExternalPolicyId"));
        customFields(request, "request", header);
        if (!header.has("requestCustom24Code")) {
            putIfPresent(header, "requestCustom24Code", text(request, "BuyerCostCenter"));
        }
        header.set(RAW, request.deepCopy());
        return header;
    }

    private ObjectNode owner() {
        ObjectNode owner = NODES.objectNode();
        putIfPresent(owner, "employeeId", text(request, "EmployeeId"));
        putIfPresent(owner, "loginId", text(request, "EmployeeLoginId"));
        putIfPresent(owner, "emailAddress", text(request, "EmployeeEmailAddress"));
        return owner;
    }

    private ObjectNode vendor() {
        JsonNode remitTo = request.path("VendorRemitToIdentifier");
        ObjectNode vendor = NODES.objectNode();
        putIfPresent(vendor, "vendorCode", text(remitTo, "VendorCode"));
        putIfPresent(vendor, "vendorName", text(remitTo, "Name"));
        putIfPresent(vendor, "vendorRemitToAddressCode", text(remitTo, "AddressCode"));
        putIfPresent(vendor, "vendorShipFromAddressCode", text(request, "VendorShipFromAddressCode"));
        return vendor;
    }

    private ObjectNode line(JsonNode v3Line, int sequence, BigDecimal shipping) {
        String label = "line item " + sequence;
        ObjectNode line = NODES.objectNode();
        line.put("lineItemSequenceOrder", sequence);
        putIfPresent(line, "lineItemDescription", text(v3Line, "Description"));
        putIfPresent(line, "lineItemQuantity", number(v3Line, "Quantity"));
        putIfPresent(line, "lineItemUnitPrice", number(v3Line, "UnitPrice"));
        putIfPresent(line, "expenseTypeCode", text(v3Line, "ExpenseTypeCode"));
        putIfPresent(line, "lineItemCode", text(v3Line, "ItemCode"));
        putIfPresent(line, "lineItemPurchaseOrderNumber", text(v3Line, "PurchaseOrderNumber"));
        customFields(v3Line, "lineItem", line);
        BigDecimal gross = number(v3Line, "TotalPrice");
        BigDecimal tax = number(v3Line, "VatAmount");
        tax = tax != null ? tax : number(v3Line, "Tax");
        BigDecimal net = number(v3Line, "AmountWithoutVat");
        if (gross == null) {
            gross = net == null ? null : net.add(tax == null ? BigDecimal.ZERO : tax);
        }
        if (gross == null) {
            problems.add(label + " has neither TotalPrice nor AmountWithoutVat");
            return line;
        }
        tax = tax == null ? BigDecimal.ZERO.setScale(gross.scale()) : tax;
        net = net == null ? gross.subtract(tax) : net;
        if (net.add(tax).compareTo(gross) != 0) {
            problems.add(label + ": AmountWithoutVat " + net.toPlainString() + " + tax " + tax.toPlainString()
                    + " is not its TotalPrice " + gross.toPlainString());
            return line;
        }
        line.set("allocation", allocations(v3Line, label, net, tax, shipping));
        return line;
    }

    private ArrayNode allocations(JsonNode v3Line, String label, BigDecimal net, BigDecimal tax, BigDecimal shipping) {
        List<JsonNode> v3Allocations = AdapterJson.elements(v3Line, "Allocations", "Allocation");
        List<BigDecimal> percentages = new ArrayList<>();
        for (JsonNode a : v3Allocations) {
            percentages.add(number(a, "Percentage"));
        }
        if (v3Allocations.isEmpty()) {
            percentages.add(HUNDRED);
        } else if (percentages.contains(null)
                || percentages.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(HUNDRED) != 0) {
            problems.add(label + ": allocation percentages " + percentages + " do not add up to 100");
            return NODES.arrayNode();
        }
        // gross share = net share + tax share, so every allocation balances by itself after rounding
        List<BigDecimal> netShares = AdapterJson.split(net, percentages);
        List<BigDecimal> taxShares = AdapterJson.split(tax, percentages);
        ArrayNode result = NODES.arrayNode();
        for (int i = 0; i < percentages.size(); i++) {
            JsonNode v3 = v3Allocations.isEmpty() ? null : v3Allocations.get(i);
            ObjectNode allocation = result.addObject();
            allocation.put("allocationKey", label.replace(' ', '-') + "-" + (i + 1));
            allocation.put("allocationPercentage", percentages.get(i));
            putIfPresent(allocation, "allocationAccountCode", text(v3, "AccountCode"));
            customFields(v3, "allocation", allocation);
            ObjectNode journal = allocation.putObject("journal");
            BigDecimal ship = i == 0 && shipping != null ? shipping : BigDecimal.ZERO;
            journal.put("amountNet", netShares.get(i));
            journal.put("amountShipping", ship);
            journal.put("amountGross", netShares.get(i).add(taxShares.get(i)).add(ship));
            ObjectNode journalTax = journal.putObject("tax");
            journalTax.put("amountTax", taxShares.get(i));
        }
        return result;
    }

    private static BigDecimal lineGross(JsonNode line) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode allocation : ConcurFields.elements(line, "allocation")) {
            BigDecimal gross = ConcurFields.amount(allocation.path("journal"), "amountGross");
            sum = gross == null ? sum : sum.add(gross);
        }
        return sum;
    }

    /** v3 sends amounts as strings; one that is not a number is a problem, not a zero. */
    private BigDecimal number(JsonNode parent, String field) {
        try {
            return ConcurFields.amount(parent, field);
        } catch (NumberFormatException e) {
            problems.add(field + " is not a number: " + parent.get(field));
            return null;
        }
    }

    /** v3 custom fields are plain members {@code Custom1…24}, {@code OrgUnit1…6}. */
    private static void customFields(JsonNode source, String prefix, ObjectNode target) {
        if (source == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = AdapterJson.fisCustomField(prefix, field.getKey());
            String value = text(source, field.getKey());
            if (name != null && value != null) {
                target.put(name, value);
            }
        }
    }
}
