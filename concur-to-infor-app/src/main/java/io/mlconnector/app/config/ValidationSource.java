package io.mlconnector.app.config;

/**
 * Where GL accounts and cost centers are checked before anything posts: Infor M3 {@code CRS630MI/GetAccountID}, or a
 * CSV snapshot of the chart of accounts (for tenants without M3, or when the chart is exported on a schedule).
 */
public enum ValidationSource {
    M3, CSV
}
