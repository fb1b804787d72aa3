package io.mlconnector.app.nonfis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.mapping.fixtures.FisDocuments;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.posting.AccountingDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentRequestAdapterTest {
    private static final Mapping DEFAULT = Mapping.defaultMapping();

    /**
     * An Invoice v3 payment request in the documented schema (v3.payment-request.markdown): amounts as strings, a
     * 1,000.00 material line split 60/40 over allocation Custom4, a 200.00 office-supplies line and 10.00 shipping.
     */
    static ObjectNode paymentRequest() {
        ObjectNode request = AdapterJson.NODES.objectNode();
        request.put("ID", "PR0000000000000000001").put("Name", "Office chairs").put("CurrencyCode", "USD")
                .put("InvoiceAmount", "1210.00").put("ShippingAmount", "10.00").put("InvoiceNumber", "INV-4711")
                .put("InvoiceDate", "2026-11-20").put("LedgerCode", "DEFAULT").put("CountryCode", "US");
        request.putObject("VendorRemitToIdentifier").put("VendorCode", "V100").put("Name", "Acme Furniture");
        ObjectNode material = request.putArray("LineItems").addObject();
        material.put("ExpenseTypeCode", "2000   ").put("Description", "Chairs").put("Quantity", "10")
                .put("UnitPrice", "100.00").put("TotalPrice", "1000.00");
        material.putArray("Allocations").addObject().put("Percentage", "60").put("Custom4", "21-KING");
        ((com.fasterxml.jackson.databind.node.ArrayNode) material.get("Allocations")).addObject()
                .put("Percentage", "40").put("Custom4", "21-BELLEV1");
        ((com.fasterxml.jackson.databind.node.ArrayNode) request.get("LineItems")).addObject()
                .put("ExpenseTypeCode", "OFCSP").put("Description", "Cushions").put("TotalPrice", "200.00");
        return request;
    }

    @Test
    void paymentRequestPostsItsLinesOnTheInvoiceAccountsAndOwesTheVendorTheTotal() {
        // when
        AccountingDocument mapped = map(PaymentRequestAdapter.toFisDocument(paymentRequest(), "PR0000000000000000001"));

        // then the debits are the invoice amount, each allocation on its cost center (shipping with the first), and
        // the whole amount is owed to the vendor
        assertThat(mapped.totalDebits()).isEqualByComparingTo("1210.00");
        assertThat(mapped.totalCredits()).isEqualByComparingTo("1210.00");
        assertThat(ExpenseReportAdapterTest.lines(mapped)).contains("6190/CC100 DEBIT 610.00",
                "6190/CC200 DEBIT 400.00", "6190/CC900 DEBIT 200.00");
        assertThat(mapped.payable()).hasValueSatisfying(payable -> {
            assertThat(payable.supplierId()).isEqualTo("V100");
            assertThat(payable.amount()).isEqualByComparingTo("1210.00");
        });
        assertThat(mapped.businessId()).isEqualTo("PR0000000000000000001");
        assertThat(mapped.accountingEntity()).isEqualTo("100");
    }

    @Test
    void taxOfAnUnevenlySplitLineStaysBalancedInEveryAllocation() {
        // given a 10.00 line with 1.67 VAT over three allocations of a third each
        ObjectNode request = paymentRequest().put("InvoiceAmount", "10.00").put("ShippingAmount", "0");
        ObjectNode line = request.putArray("LineItems").addObject().put("ExpenseTypeCode", "OFCSP")
                .put("TotalPrice", "10.00").put("VatAmount", "1.67");
        for (String pct : new String[] {"33.33", "33.33", "33.34"}) {
            line.withArray("Allocations").addObject().put("Percentage", pct).put("Custom4", "21-KING");
        }

        // when
        AccountingDocument mapped = map(PaymentRequestAdapter.toFisDocument(request, "PR1"));

        // then the shares add up to the line exactly and the tax goes to the tax account
        assertThat(mapped.totalDebits()).isEqualByComparingTo("10.00");
        assertThat(mapped.glLines().stream().filter(l -> l.glAccount().equals("2310"))
                .map(l -> l.amount()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("1.67");
    }

    @Test
    void lineItemsInTheXmlStyleWrapperAreRead() {
        // given LineItems as {"LineItem": [...]} (the v3 XML-derived shape)
        ObjectNode request = paymentRequest();
        ObjectNode wrapper = AdapterJson.NODES.objectNode();
        wrapper.set("LineItem", request.get("LineItems"));
        request.set("LineItems", wrapper);

        // when
        JsonNode document = PaymentRequestAdapter.toFisDocument(request, "PR1");

        // then
        assertThat(document.path("lineItem")).hasSize(2);
    }

    @Test
    void linesThatDoNotAddUpToTheInvoiceAmountAreRefused() {
        // given
        ObjectNode request = paymentRequest().put("InvoiceAmount", "1300.00");

        // then
        assertThatThrownBy(() -> PaymentRequestAdapter.toFisDocument(request, "PR1"))
                .isInstanceOfSatisfying(NonFisDocumentException.class, e -> {
                    assertThat(e.documentId()).isEqualTo("PR0000000000000000001");
                    assertThat(e.problems()).singleElement().asString().contains("1210.00", "1300.00");
                });
    }

    @Test
    void allocationPercentagesThatDoNotAddUpTo100AreRefused() {
        // given
        ObjectNode request = paymentRequest();
        ((ObjectNode) request.get("LineItems").get(0).get("Allocations").get(1)).put("Percentage", "30");

        // then
        assertThatThrownBy(() -> PaymentRequestAdapter.toFisDocument(request, "PR1"))
                .isInstanceOfSatisfying(NonFisDocumentException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("line item 1", "100")));
    }

    @Test
    void amountThatIsNotANumberIsRefusedNotTakenAsZero() {
        // given
        ObjectNode request = paymentRequest();
        ((ObjectNode) request.get("LineItems").get(1)).put("TotalPrice", "two hundred");

        // then
        assertThatThrownBy(() -> PaymentRequestAdapter.toFisDocument(request, "PR1"))
                .isInstanceOfSatisfying(NonFisDocumentException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("TotalPrice", "two hundred")));
    }

    private static AccountingDocument map(JsonNode document) {
        return DEFAULT.map(FisDocuments.of("paymentrequest-test", "invoice", document));
    }
}
