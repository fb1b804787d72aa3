package io.mlconnector.app.mapping;

import java.util.List;
import java.util.Map;

/** The validated content of a mapping file; every key is documented in README-mapping.md. */
record MappingRules(EntityRules accountingEntity, GlRules glAccount, CostCenterRules costCenter,
                    List<CreditRule> creditSide, PersonalChargeRules personalCharges, CashAdvanceRules cashAdvance,
                    InvoiceRules invoice, TaxRules tax, PayableRules payable, DescriptionRules descriptions) {

    record EntityRules(Map<String, String> byConcurEntity, Map<String, String> byLedger, Expression expression,
                       String defaultEntity) {
    }

    enum GlLookup { EXPENSE_TYPE, JOURNAL_ACCOUNT_CODE }

    record GlRules(List<GlLookup> lookupOrder, Map<String, String> byExpenseType,
                   Map<String, String> byJournalAccountCode, Expression expression, String defaultAccount) {
    }

    enum WhenUnmapped { DEFAULT, KEEP, ERROR }

    /**
     * @param sources  {@code scope.field} pairs, scope one of allocation, entry, employee, header
     * @param required true: a line no source gives a cost center (and no default) stops the document; false: it
     *                 posts without one
     */
    record CostCenterRules(List<Source> sources, Map<String, String> map, WhenUnmapped whenUnmapped,
                           String defaultCostCenter, Expression expression, boolean required) {
        record Source(String scope, String field) {
            @Override
            public String toString() {
                return scope + "." + field;
            }
        }
    }

    /** {@code *} matches any code. */
    record CreditRule(String payer, String payee, String account, boolean payable, String description) {
        boolean matches(String actualPayer, String actualPayee) {
            return ("*".equals(payer) || payer.equals(actualPayer)) && ("*".equals(payee) || payee.equals(actualPayee));
        }
    }

    /**
     * Journal rows without a {@code journalAccountCode} on a personal entry (the personal part of a company-paid card
     * charge) post only on party accounts.
     *
     * @param clearingAccount the account of each row's own side (card clearing); null: the rows of an allocation
     *                        must net to zero there, and those clearing lines are left out
     */
    record PersonalChargeRules(String clearingAccount) {
    }

    record CashAdvanceRules(String account, Map<String, String> byClearingAccountCode, String settlementAccount,
                            boolean settlementPayable) {
    }

    record InvoiceRules(String creditAccount, boolean payable) {
    }

    record TaxRules(Map<String, String> byTaxCode, Map<String, String> byAuthority, String defaultAccount) {
    }

    record PayableRules(Expression expenseSupplierId, Expression invoiceSupplierId,
                        Expression cashAdvanceSupplierId) {
    }

    record DescriptionRules(Expression document, Expression line) {
    }
}
