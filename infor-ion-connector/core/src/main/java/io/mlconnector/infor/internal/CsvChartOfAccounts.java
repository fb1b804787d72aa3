package io.mlconnector.infor.internal;

import io.mlconnector.infor.api.AccountCode;
import io.mlconnector.infor.api.AccountCodeType;
import io.mlconnector.infor.api.ChartOfAccountsSource;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A chart-of-accounts snapshot: {@code accountingEntity,type,code,name} rows, quotes allowed (RFC 4180). */
public final class CsvChartOfAccounts implements ChartOfAccountsSource {
    private final Set<String> keys;
    private final String name;

    private CsvChartOfAccounts(Set<String> keys, String name) {
        this.keys = keys;
        this.name = name;
    }

    public static CsvChartOfAccounts load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION, "cannot read the chart of accounts " + file
                    + ": " + e.getClass().getSimpleName());
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || i == 0 && line.toLowerCase().startsWith("accountingentity,")) {
                continue;
            }
            List<String> cells = split(line);
            if (cells.size() < 3 || cells.get(0).isBlank() || cells.get(2).isBlank()) {
                throw new InforIonException(InforIonErrorType.INVALID_INPUT, file.getFileName() + " line " + (i + 1)
                        + ": expected accountingEntity,type,code,name");
            }
            AccountCodeType type;
            try {
                type = AccountCodeType.valueOf(cells.get(1).strip());
            } catch (IllegalArgumentException e) {
                throw new InforIonException(InforIonErrorType.INVALID_INPUT, file.getFileName() + " line " + (i + 1)
                        + ": type must be GL_ACCOUNT or COST_CENTER, got " + cells.get(1));
            }
            keys.add(key(cells.get(0).strip(), type, cells.get(2).strip()));
        }
        return new CsvChartOfAccounts(Set.copyOf(keys), "CSV " + file.getFileName());
    }

    @Override
    public boolean exists(String accountingEntity, AccountCode code) {
        return keys.contains(key(accountingEntity, code.type(), code.code()));
    }

    @Override
    public String name() {
        return name;
    }

    private static String key(String entity, AccountCodeType type, String code) {
        return entity + "\u0000" + type + "\u0000" + code;
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
