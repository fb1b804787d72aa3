package io.mlconnector.infor.api;

/**
 * What a code names; the number is the M3 accounting dimension (AITP) that holds it (which dimension holds the cost
 * center is M3 set-up; dimension 2 follows DocBits' public M3 mapping).
 */
public enum AccountCodeType {
    GL_ACCOUNT(1, "GL account"), COST_CENTER(2, "cost center");

    private final int m3Dimension;
    private final String label;

    AccountCodeType(int m3Dimension, String label) {
        this.m3Dimension = m3Dimension;
        this.label = label;
    }

    /** CRS630MI AITP. */
    public int m3Dimension() {
        return m3Dimension;
    }

    /** Plain words, e.g. "GL account". */
    public String label() {
        return label;
    }
}
