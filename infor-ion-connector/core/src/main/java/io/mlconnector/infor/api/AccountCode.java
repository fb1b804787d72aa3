package io.mlconnector.infor.api;

/** A GL account or cost center code to validate. */
public record AccountCode(AccountCodeType type, String code) {

    public AccountCode {
        Inputs.required("type", type);
        Inputs.required("code", code);
    }

    public static AccountCode glAccount(String code) {
        return new AccountCode(AccountCodeType.GL_ACCOUNT, code);
    }

    public static AccountCode costCenter(String code) {
        return new AccountCode(AccountCodeType.COST_CENTER, code);
    }

    /** E.g. {@code GL account 6110}. */
    @Override
    public String toString() {
        return type.label() + " " + code;
    }
}
