package io.mlconnector.app.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.MappingException.Kind;
import io.mlconnector.app.posting.LineRole;
import io.mlconnector.concur.api.ConcurFields;
import io.mlconnector.concur.api.FisDocument;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * The mapping of a FIS invoice ({@code requestHeader}, {@code vendor}, {@code lineItem[]} with allocations whose
 * {@code journal} is one object), as described on
 * https://developer.concur.com/api-reference/financial-integration/v4.financial-documents-schema.html: the line's
 * net and shipping to its GL account, its tax to the tax account, its gross to the supplier payable.
 */
final class InvoiceMapper extends MappingRun {
    InvoiceMapper(MappingRules rules, Clock clock, FisDocument fis) {
        super(rules, clock, fis);
    }

    @Override
    Header mapLines() {
        JsonNode header = doc.path("requestHeader");
        JsonNode owner = doc.path("ownerEmployee");
        currency = requireText(header, "currencyAlphaCode", "requestHeader.currencyAlphaCode");
        String entity = entity(ConcurFields.text(header, "ledgerCode"));
        eachAllocation(header, owner, "lineItem",
                (item, number) -> orElse(ConcurFields.text(item, "externalLineItemId"),
                        "line-" + orElse(ConcurFields.text(item, "lineItemSequenceOrder"), String.valueOf(number))),
                this::invoiceAllocation);
        String requestId = ConcurFields.text(header, "requestId");
        String invoiceNumber = orElse(ConcurFields.text(header, "vendorInvoiceNumber"), requestId);
        String vendorName = ConcurFields.text(doc.path("vendor"), "vendorName");
        return new Header(requestId, entity, postingDate(header, "postingDate", "invoiceDate", "submitDate"),
                documentDescription("Concur invoice " + invoiceNumber + " " + orElse(vendorName, "")),
                rules.payable().invoiceSupplierId(), invoiceNumber, vendorName,
                ConcurFields.firstDate(header, "invoiceDate"));
    }

    private void invoiceAllocation(Scope scope) {
        String allocationKey = ConcurFields.text(scope.allocation(), "allocationKey");
        String groupKey = scope.entryId() + "/" + orElse(allocationKey, "allocation-" + (scope.allocationIndex() + 1));
        String costCenter = null;
        boolean costCenterLooked = false;
        int journalIndex = 0;
        for (JsonNode journal : ConcurFields.elements(scope.allocation(), "journal")) {
            journalIndex++;
            BigDecimal net = orZero(amount(journal, "amountNet", scope.entryId()));
            BigDecimal shipping = orZero(amount(journal, "amountShipping", scope.entryId()));
            JsonNode tax = journal.get("tax");
            BigDecimal taxAmount = tax == null || !tax.isObject() ? BigDecimal.ZERO
                    : orZero(amount(tax, "amountTax", scope.entryId()));
            BigDecimal gross = amount(journal, "amountGross", scope.entryId());
            gross = gross == null ? net.add(shipping).add(taxAmount) : gross;
            if (gross.signum() == 0 && net.signum() == 0) {
                continue;
            }
            if (!costCenterLooked) {
                costCenter = costCenter(scope);
                costCenterLooked = true;
            }
            String accountCode = orElse(ConcurFields.text(journal, "accountCode"),
                    ConcurFields.text(scope.allocation(), "allocationAccountCode"));
            LineContext context = new LineContext(scope, journal, journalIndex - 1);
            String glAccount = glAccount(scope.expenseType(), accountCode, context, scope.entryId());
            String text = lineDescription(context, orElse(ConcurFields.text(scope.entry(), "lineItemDescription"),
                    orElse(ConcurFields.text(scope.entry(), "expenseTypeName"), "Invoice line")));
            add(glAccount, costCenter, net.add(shipping), LineRole.EXPENSE, text, scope.entryId(), allocationKey,
                    groupKey, false);
            if (taxAmount.signum() != 0) {
                String account = taxAccount(ConcurFields.text(tax, "taxCode"), ConcurFields.text(tax, "taxField"),
                        scope.entryId());
                add(account, null, taxAmount, LineRole.TAX, "Input tax", scope.entryId(), allocationKey, groupKey,
                        false);
            }
            String creditAccount = rules.invoice().creditAccount();
            if (creditAccount == null) {
                problem(Kind.UNKNOWN_PAYER_PAYEE, "invoice.creditAccount",
                        "no invoice.creditAccount for the supplier payable", scope.entryId());
                continue;
            }
            add(creditAccount, null, gross.negate(), LineRole.CREDIT_SIDE, text, scope.entryId(), allocationKey,
                    groupKey, rules.invoice().payable());
        }
    }


    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
