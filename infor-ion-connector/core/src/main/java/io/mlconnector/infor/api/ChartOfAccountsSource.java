package io.mlconnector.infor.api;

import io.mlconnector.infor.internal.CsvChartOfAccounts;

import java.nio.file.Path;

/**
 * Where {@link ValidationOperations} learns whether a GL account or cost center exists. Pluggable: an Infor API
 * ({@link #m3(InforIonConnection)}) or a CSV snapshot of the chart of accounts ({@link #csv(Path)}).
 */
public interface ChartOfAccountsSource {

    /**
     * @return true when the code exists for the accounting entity
     * @throws InforIonException when the source cannot answer (CONNECTIVITY, CONFIGURATION, …); an unknown code is
     *                           {@code false}, not an exception
     */
    boolean exists(String accountingEntity, AccountCode code);

    /** A short name for messages, e.g. {@code M3 CRS630MI}. */
    String name();

    /**
     * A CSV snapshot with the header {@code accountingEntity,type,code,name}, type GL_ACCOUNT or COST_CENTER.
     *
     * @throws InforIonException INVALID_INPUT naming the line of a malformed row; CONFIGURATION when unreadable
     */
    static ChartOfAccountsSource csv(Path csvFile) {
        return CsvChartOfAccounts.load(csvFile);
    }

    /** M3 {@code CRS630MI/GetAccountID} (DIVI = accounting entity, AITP 1 = GL account, 2 = cost center). */
    static ChartOfAccountsSource m3(InforIonConnection connection) {
        return new M3ChartOfAccounts(connection);
    }
}
