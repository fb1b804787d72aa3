package io.mlconnector.infor.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers "does GL account X / cost center Y exist for accounting entity Z" from a {@link ChartOfAccountsSource},
 * caching every answer (yes and no) for a time-to-live so a busy day asks Infor once per code.
 */
public final class ValidationOperations {
    /** Default time-to-live of a cached answer. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    private final ChartOfAccountsSource source;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Answer> cache = new ConcurrentHashMap<>();

    public ValidationOperations(ChartOfAccountsSource source) {
        this(source, DEFAULT_TTL, Clock.systemUTC());
    }

    /**
     * @param source where answers come from
     * @param ttl    how long an answer is reused (default {@link #DEFAULT_TTL})
     * @param clock  decides expiry
     */
    public ValidationOperations(ChartOfAccountsSource source, Duration ttl, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Whether one code exists.
     *
     * @throws InforIonException from the source when it cannot answer (CONNECTIVITY, CONFIGURATION, THROTTLED)
     */
    public boolean exists(String accountingEntity, AccountCode code) {
        Key key = new Key(Inputs.required("accountingEntity", accountingEntity), code);
        Instant now = clock.instant();
        Answer cached = cache.get(key);
        if (cached != null && now.isBefore(cached.expiresAt)) {
            return cached.exists;
        }
        boolean exists = source.exists(accountingEntity, code);
        cache.put(key, new Answer(exists, now.plus(ttl)));
        return exists;
    }

    /**
     * Checks a whole set of codes in one call and returns every unknown one (not only the first).
     *
     * @throws InforIonException from the source when it cannot answer
     */
    public ValidationResult validate(String accountingEntity, Collection<AccountCode> codes) {
        List<AccountCode> checked = new ArrayList<>(new LinkedHashSet<>(codes));
        List<AccountCode> unknown = checked.stream().filter(c -> !exists(accountingEntity, c)).toList();
        return new ValidationResult(accountingEntity, checked, unknown);
    }

    /** Every GL account and cost center of the entry, validated for its accounting entity. */
    public ValidationResult validate(JournalEntry entry) {
        List<AccountCode> codes = new ArrayList<>();
        for (JournalEntryLine line : entry.lines()) {
            codes.add(AccountCode.glAccount(line.glAccount()));
            if (line.costCenter() != null) {
                codes.add(AccountCode.costCenter(line.costCenter()));
            }
        }
        return validate(entry.accountingEntity(), codes);
    }

    /** Every GL account and cost center of the invoice, validated for its accounting entity. */
    public ValidationResult validate(SupplierInvoice invoice) {
        List<AccountCode> codes = new ArrayList<>();
        for (SupplierInvoiceLine line : invoice.lines()) {
            codes.add(AccountCode.glAccount(line.glAccount()));
            if (line.costCenter() != null) {
                codes.add(AccountCode.costCenter(line.costCenter()));
            }
        }
        return validate(invoice.accountingEntity(), codes);
    }

    /**
     * Like {@link #validate(String, Collection)} but fails when any code is unknown.
     *
     * @throws InforIonException NOT_FOUND naming every unknown code
     */
    public ValidationResult requireValid(String accountingEntity, Collection<AccountCode> codes) {
        ValidationResult result = validate(accountingEntity, codes);
        if (!result.valid()) {
            throw new InforIonException(InforIonErrorType.NOT_FOUND, result.describe() + " (source: " + source.name() + ")");
        }
        return result;
    }

    /** Forgets every cached answer (e.g. after the chart of accounts changed). */
    public void clearCache() {
        cache.clear();
    }

    private record Key(String accountingEntity, AccountCode code) {
    }

    private record Answer(boolean exists, Instant expiresAt) {
    }
}
