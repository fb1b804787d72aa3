package io.mlconnector.app.posting;

/** Why a GL line exists; lets the audit trail and the AP part tell expense, tax and settlement lines apart. */
public enum LineRole {
    /** The expense itself (net of reclaimable tax), on the mapped GL account and cost center. */
    EXPENSE,
    /** Reclaimable input tax of a journal row, on the mapped tax account. */
    TAX,
    /** The other side of a journal row, chosen by payer/payee: employee payable, card clearing, supplier payable. */
    CREDIT_SIDE,
    /** A cash advance issued, or applied against a report (moves the amount between the advance and the payable). */
    CASH_ADVANCE
}
