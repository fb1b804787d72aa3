package io.mlconnector.sandbox.infor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The sandbox tenant's GL accounts and cost centers per accounting entity (M3: division, {@code DIVI}). Backs M3
 * {@code CRS630MI} and {@code APS450MI/AddLine}. Tests add and remove entries; {@link #exportCsv(Path)} writes the
 * snapshot a CSV validation source reads.
 *
 * <p>CSV format (UTF-8, header line required, RFC 4180 quoting): {@code accountingEntity,type,code,name} with type
 * {@code GL_ACCOUNT} or {@code COST_CENTER}.
 */
public final class ChartOfAccounts {
    public static final String CSV_HEADER = "accountingEntity,type,code,name";
    static final String DEFAULT_RESOURCE = "chart-of-accounts.csv";

    /** One GL account or cost center of an accounting entity. */
    public record Entry(String accountingEntity, AccountType type, String code, String name) {
        public Entry {
            Objects.requireNonNull(accountingEntity, "accountingEntity");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(code, "code");
            name = name == null ? "" : name;
            if (accountingEntity.isBlank() || code.isBlank()) {
                throw new IllegalArgumentException("accountingEntity and code must not be blank");
            }
        }
    }

    private final Map<String, Entry> entries = new ConcurrentSkipListMap<>();

    private ChartOfAccounts() {
    }

    /** An empty chart. */
    public static ChartOfAccounts empty() {
        return new ChartOfAccounts();
    }

    /** The chart the sandbox ships (resource {@code io/mlconnector/sandbox/infor/chart-of-accounts.csv}). */
    public static ChartOfAccounts defaults() {
        try (InputStream in = ChartOfAccounts.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sandbox resource missing: " + DEFAULT_RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a chart in the CSV snapshot format. */
    public static ChartOfAccounts readCsv(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChartOfAccounts add(String accountingEntity, AccountType type, String code, String name) {
        Entry entry = new Entry(accountingEntity, type, code, name);
        entries.put(key(accountingEntity, type, code), entry);
        return this;
    }

    public ChartOfAccounts addGlAccount(String accountingEntity, String code, String name) {
        return add(accountingEntity, AccountType.GL_ACCOUNT, code, name);
    }

    public ChartOfAccounts addCostCenter(String accountingEntity, String code, String name) {
        return add(accountingEntity, AccountType.COST_CENTER, code, name);
    }

    /** Removes an entry; true when it existed. */
    public boolean remove(String accountingEntity, AccountType type, String code) {
        return entries.remove(key(accountingEntity, type, code)) != null;
    }

    /** Removes every entry of an accounting entity (the entity is then unknown). */
    public void removeAccountingEntity(String accountingEntity) {
        entries.values().removeIf(e -> e.accountingEntity().equals(accountingEntity));
    }

    public void clear() {
        entries.clear();
    }

    public boolean contains(String accountingEntity, AccountType type, String code) {
        return entries.containsKey(key(accountingEntity, type, code));
    }

    public Optional<Entry> find(String accountingEntity, AccountType type, String code) {
        return Optional.ofNullable(entries.get(key(accountingEntity, type, code)));
    }

    /** An accounting entity is known when it has at least one entry. */
    public boolean hasAccountingEntity(String accountingEntity) {
        return entries.values().stream().anyMatch(e -> e.accountingEntity().equals(accountingEntity));
    }

    public Set<String> accountingEntities() {
        Set<String> result = new TreeSet<>();
        entries.values().forEach(e -> result.add(e.accountingEntity()));
        return result;
    }

    /** Every entry, sorted by accounting entity, type and code. */
    public List<Entry> entries() {
        List<Entry> result = new ArrayList<>(entries.values());
        result.sort(Comparator.comparing(Entry::accountingEntity).thenComparing(Entry::type)
                .thenComparing(Entry::code));
        return result;
    }

    public List<Entry> entries(String accountingEntity, AccountType type) {
        return entries().stream().filter(e -> e.accountingEntity().equals(accountingEntity) && e.type() == type)
                .toList();
    }

    /** Writes the chart as the CSV snapshot format and returns the path. */
    public Path exportCsv(Path target) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Entry e : entries()) {
            csv.append(quote(e.accountingEntity())).append(',').append(e.type().name()).append(',')
                    .append(quote(e.code())).append(',').append(quote(e.name())).append("\r\n");
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            return Files.writeString(target, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChartOfAccounts read(Reader source) throws IOException {
        ChartOfAccounts chart = new ChartOfAccounts();
        BufferedReader reader = new BufferedReader(source);
        String header = reader.readLine();
        if (header == null || !header.replace("\uFEFF", "").trim().equals(CSV_HEADER)) {
            throw new IllegalArgumentException("chart CSV must start with the header '" + CSV_HEADER + "'");
        }
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() != 4) {
                throw new IllegalArgumentException("chart CSV line " + number + ": expected 4 fields, got "
                        + fields.size());
            }
            AccountType type;
            try {
                type = AccountType.valueOf(fields.get(1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("chart CSV line " + number + ": unknown type '" + fields.get(1)
                        + "' (GL_ACCOUNT or COST_CENTER)", e);
            }
            chart.add(fields.get(0).trim(), type, fields.get(2).trim(), fields.get(3));
        }
        return chart;
    }

    /** RFC 4180 field splitting for one line (quoted fields may hold commas and doubled quotes). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String key(String accountingEntity, AccountType type, String code) {
        return accountingEntity + '\u0000' + type.name() + '\u0000' + code;
    }
}
