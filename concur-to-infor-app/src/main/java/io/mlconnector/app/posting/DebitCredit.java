package io.mlconnector.app.posting;

/** Side of a GL line. Amounts are always positive; the side says which way they post. */
public enum DebitCredit {
    DEBIT, CREDIT;

    public DebitCredit opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
