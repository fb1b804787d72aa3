package io.mlconnector.infor.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer of {@link ValidationOperations#validate}: every code checked and every one that does not exist.
 *
 * @param accountingEntity the accounting entity checked against
 * @param checked          the distinct codes checked, in input order
 * @param unknown          the codes that do not exist, in input order
 */
public record ValidationResult(String accountingEntity, List<AccountCode> checked, List<AccountCode> unknown) {

    public ValidationResult {
        checked = List.copyOf(checked);
        unknown = List.copyOf(unknown);
    }

    public boolean valid() {
        return unknown.isEmpty();
    }

    /** E.g. {@code accounting entity 100 has no GL account 6999, cost center CC999}. */
    public String describe() {
        return valid() ? "all " + checked.size() + " codes exist in accounting entity " + accountingEntity
                : "accounting entity " + accountingEntity + " has no "
                + unknown.stream().map(AccountCode::toString).collect(Collectors.joining(", "));
    }
}
