package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * One posting line of a FIS document: a {@code journal} row of an expense entry's allocation, an invoice line item's
 * allocation journal, or a cash-advance {@code journalData} row
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-documents-schema.html). Amounts are
 * exact BigDecimals in {@link #currency()}.
 *
 * @param lineId               expense {@code entryId}, invoice {@code lineItemSequenceOrder}, cash advance row index
 * @param expenseTypeCode      trimmed expense type code (invoices pad it with spaces), null for cash advances
 * @param accountCode          {@code journalAccountCode} / {@code accountCode}
 * @param payee                {@code journalPayee} / {@code payee}
 * @param payer                {@code journalPayer} / {@code payer}
 * @param debitOrCredit        cash advances only ({@code DR}/{@code CR})
 * @param amountGross          {@code amountGross} (cash advance: {@code amount})
 * @param amountNet            {@code amountNetOfTax} (expense) or {@code amountNet} (invoice)
 * @param amountTax            {@code amountTax} when present
 * @param allocationId         {@code allocationId} (expense) / {@code allocationKey} (invoice)
 * @param allocationPercentage the allocation's percentage
 * @param currency             ISO currency of the amounts (the document's reimbursement/request currency)
 * @param allocation           the raw allocation object (custom fields for cost objects), null for cash advances
 * @param journal              the raw journal row
 */
public record FisJournalLine(String lineId, String expenseTypeCode, String accountCode, String payee, String payer,
                             String debitOrCredit, BigDecimal amountGross, BigDecimal amountNet, BigDecimal amountTax,
                             String allocationId, BigDecimal allocationPercentage, String currency,
                             JsonNode allocation, JsonNode journal) {
}
