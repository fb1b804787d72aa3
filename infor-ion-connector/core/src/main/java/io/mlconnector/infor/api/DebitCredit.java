package io.mlconnector.infor.api;

/** The side of a journal entry line; written as the BOD's {@code DebitCreditFlag} (D | C) with an unsigned amount. */
public enum DebitCredit {
    DEBIT("D"), CREDIT("C");

    private final String flag;

    DebitCredit(String flag) {
        this.flag = flag;
    }

    /** The DebitCreditFlag value. */
    public String flag() {
        return flag;
    }

    /** The other side: what a reversing entry posts the same amount on. */
    public DebitCredit opposite() {
        return switch (this) {
            case DEBIT -> CREDIT;
            case CREDIT -> DEBIT;
        };
    }
}
