package io.mlconnector.sandbox.infor;

/**
 * The kinds of chart entries the sandbox knows. In M3 they are accounting dimensions: {@code AITP} 1 is the GL
 * account, 2 the cost center (the dimension holding the cost center is M3 setup, not documented publicly; the sandbox
 * uses dimension 2 as DocBits' mapping does).
 */
public enum AccountType {
    GL_ACCOUNT(1),
    COST_CENTER(2);

    private final int m3Dimension;

    AccountType(int m3Dimension) {
        this.m3Dimension = m3Dimension;
    }

    /** The M3 accounting dimension ({@code AITP}, {@code AITn}) this type is kept in. */
    public int m3Dimension() {
        return m3Dimension;
    }

    /** The type kept in an M3 accounting dimension, or null for dimensions 3–7 (the sandbox keeps none). */
    public static AccountType ofM3Dimension(int dimension) {
        for (AccountType type : values()) {
            if (type.m3Dimension == dimension) {
                return type;
            }
        }
        return null;
    }
}
