package io.mlconnector.app.store;

/** The two databases the schema runs on. The SQL is shared; only claiming and the append-only trigger differ. */
public enum Dialect {
    H2("h2"), POSTGRESQL("postgresql");

    private final String vendor;

    Dialect(String vendor) {
        this.vendor = vendor;
    }

    /** The vendor folder of the vendor-specific migrations ({@code db/vendor/<vendor>}). */
    public String vendor() {
        return vendor;
    }

    public static Dialect fromUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new StoreException("unsupported database URL (use jdbc:h2:... or jdbc:postgresql://...): "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=****"));
    }
}
