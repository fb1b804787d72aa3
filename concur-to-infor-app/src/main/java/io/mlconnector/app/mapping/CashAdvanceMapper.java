package io.mlconnector.app.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.MappingException.Kind;
import io.mlconnector.app.posting.LineRole;
import io.mlconnector.concur.api.ConcurFields;
import io.mlconnector.concur.api.FisDocument;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * The mapping of a FIS cash advance ({@code cashAdvanceData}, {@code employeeData}, {@code journalData[]} rows
 * with their debit or credit side), as described on
 * https://developer.concur.com/api-reference/financial-integration/v4.financial-documents-schema.html.
 */
final class CashAdvanceMapper extends MappingRun {
    CashAdvanceMapper(MappingRules rules, Clock clock, FisDocument fis) {
        super(rules, clock, fis);
    }

    @Override
    Header mapLines() {
        JsonNode data = doc.path("cashAdvanceData");
        JsonNode employee = doc.path("employeeData");
        currency = orElse(ConcurFields.text(data, "employeeCurrencyAlphaCode"),
                requireText(data, "currencyAlphaCode", "cashAdvanceData.currencyAlphaCode"));
        String entity = entity(null);
        String advanceId = orElse(ConcurFields.text(data, "cashAdvanceId"), fis.id());
        int index = 0;
        for (JsonNode journal : ConcurFields.elements(doc, "journalData")) {
            index++;
            BigDecimal amount = amount(journal, "amount", advanceId);
            if (amount == null || amount.signum() == 0) {
                continue;
            }
            BigDecimal signed = "CR".equalsIgnoreCase(ConcurFields.text(journal, "debitOrCredit"))
                    ? amount.negate() : amount;
            String groupKey = "cash-advance/" + advanceId + "/" + index;
            String text = "Cash advance " + orElse(ConcurFields.text(data, "name"), advanceId);
            String account = cashAdvanceAccount(ConcurFields.text(journal, "accountCode"), advanceId);
            add(account, null, signed, LineRole.CASH_ADVANCE, text, advanceId, null, groupKey, false);
            creditSide(ConcurFields.text(journal, "payer"), ConcurFields.text(journal, "payee"), signed.negate(), text,
                    advanceId, null, groupKey);
        }
        return new Header(advanceId, entity, postingDate(data, "issuedDate", "requestDate"),
                documentDescription("Concur cash advance " + orElse(ConcurFields.text(data, "name"), "")
                        + " (" + advanceId + ")"),
                rules.payable().cashAdvanceSupplierId(), advanceId, fullName(employee), null);
    }
}
