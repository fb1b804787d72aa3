package io.mlconnector.infor.api;

import java.math.BigDecimal;

/**
 * One line of a {@link JournalEntry}.
 *
 * @param glAccount   the GL account (GLNominalAccount)
 * @param costCenter  the cost center (written as DimensionCode); null when the account takes none
 * @param amount      unsigned amount in the entry's currency
 * @param side        debit or credit
 * @param description line text; null to use the entry's description
 */
public record JournalEntryLine(String glAccount, String costCenter, BigDecimal amount, DebitCredit side,
                               String description) {

    public JournalEntryLine {
        Inputs.required("glAccount", glAccount);
        Inputs.nonNegative("amount", amount);
        Inputs.required("side", side);
        if (costCenter != null && costCenter.isBlank()) {
            costCenter = null;
        }
    }

    public static JournalEntryLine debit(String glAccount, String costCenter, BigDecimal amount, String description) {
        return new JournalEntryLine(glAccount, costCenter, amount, DebitCredit.DEBIT, description);
    }

    public static JournalEntryLine credit(String glAccount, String costCenter, BigDecimal amount, String description) {
        return new JournalEntryLine(glAccount, costCenter, amount, DebitCredit.CREDIT, description);
    }
}
