package io.mlconnector.app.mapping;

import io.mlconnector.app.mapping.MappingConfigException.Problem;
import io.mlconnector.app.mapping.MappingRules.CashAdvanceRules;
import io.mlconnector.app.mapping.MappingRules.CostCenterRules;
import io.mlconnector.app.mapping.MappingRules.PersonalChargeRules;
import io.mlconnector.app.mapping.MappingRules.CreditRule;
import io.mlconnector.app.mapping.MappingRules.DescriptionRules;
import io.mlconnector.app.mapping.MappingRules.EntityRules;
import io.mlconnector.app.mapping.MappingRules.GlLookup;
import io.mlconnector.app.mapping.MappingRules.GlRules;
import io.mlconnector.app.mapping.MappingRules.InvoiceRules;
import io.mlconnector.app.mapping.MappingRules.PayableRules;
import io.mlconnector.app.mapping.MappingRules.TaxRules;
import io.mlconnector.app.mapping.MappingRules.WhenUnmapped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a mapping file and builds {@link MappingRules}. Collects every problem with its line before failing, so
 * one start-up names all mistakes.
 */
final class MappingParser {
    static final String DEFAULT_EXPENSE_SUPPLIER = "employee.employeeId";
    static final String DEFAULT_INVOICE_SUPPLIER = "vendor.vendorCode";
    static final String DEFAULT_CASH_ADVANCE_SUPPLIER = "employeeData.employeeId";

    private static final Pattern CODE = Pattern.compile("\\S{1,64}");
    private static final Set<String> SCOPES = Set.of("allocation", "entry", "employee", "header");

    private final List<Problem> problems = new ArrayList<>();

    static MappingRules parse(String yaml, String source) {
        MappingParser parser = new MappingParser();
        YamlNode root = YamlNode.parse(yaml, parser.problems);
        MappingRules rules = root == null ? null : parser.rules(root);
        if (!parser.problems.isEmpty()) {
            throw new MappingConfigException(source, parser.problems);
        }
        return rules;
    }

    private MappingRules rules(YamlNode root) {
        if (!isMap(root, "")) {
            return null;
        }
        keys(root, "", "version", "accountingEntity", "glAccount", "costCenter", "creditSide", "personalCharges",
                "cashAdvance", "invoice", "tax", "payable", "descriptions");
        YamlNode version = root.get("version");
        if (version == null) {
            problems.add(new Problem(root.line(), "version", "missing 'version: 1' at the top of the file"));
        } else if (!"1".equals(version.text())) {
            problems.add(new Problem(version.line(), "version", "only version 1 is understood, found " + version.text()));
        }
        return new MappingRules(entity(section(root, "accountingEntity")), gl(section(root, "glAccount")),
                costCenter(section(root, "costCenter")), creditSide(root.get("creditSide")),
                personalCharges(section(root, "personalCharges")), cashAdvance(section(root, "cashAdvance")), invoice(section(root, "invoice")),
                tax(section(root, "tax")), payable(section(root, "payable")),
                descriptions(section(root, "descriptions")));
    }

    private EntityRules entity(YamlNode node) {
        String p = "accountingEntity";
        keys(node, p, "byConcurEntity", "byLedger", "expression", "default");
        return new EntityRules(codeMap(node, p, "byConcurEntity"), codeMap(node, p, "byLedger"),
                expression(node, p, "expression", null), code(node, p, "default"));
    }

    private GlRules gl(YamlNode node) {
        String p = "glAccount";
        keys(node, p, "lookupOrder", "byExpenseType", "byJournalAccountCode", "expression", "default");
        List<GlLookup> order = new ArrayList<>();
        YamlNode orderNode = node.get("lookupOrder");
        if (orderNode == null) {
            order = List.of(GlLookup.EXPENSE_TYPE, GlLookup.JOURNAL_ACCOUNT_CODE);
        } else if (isList(orderNode, p + ".lookupOrder")) {
            for (YamlNode item : orderNode.items()) {
                switch (String.valueOf(item.text())) {
                    case "expenseType" -> order.add(GlLookup.EXPENSE_TYPE);
                    case "journalAccountCode" -> order.add(GlLookup.JOURNAL_ACCOUNT_CODE);
                    default -> problems.add(new Problem(item.line(), p + ".lookupOrder",
                            "'" + item.text() + "' is not a look-up; use expenseType and/or journalAccountCode"));
                }
            }
        }
        return new GlRules(List.copyOf(order), codeMap(node, p, "byExpenseType"),
                codeMap(node, p, "byJournalAccountCode"), expression(node, p, "expression", null),
                code(node, p, "default"));
    }

    private CostCenterRules costCenter(YamlNode node) {
        String p = "costCenter";
        keys(node, p, "sources", "map", "whenUnmapped", "default", "expression", "required");
        List<CostCenterRules.Source> sources = new ArrayList<>();
        YamlNode sourcesNode = node.get("sources");
        if (sourcesNode != null && isList(sourcesNode, p + ".sources")) {
            for (YamlNode item : sourcesNode.items()) {
                String text = String.valueOf(item.text());
                int dot = text.indexOf('.');
                if (dot < 1 || !SCOPES.contains(text.substring(0, dot)) || dot == text.length() - 1) {
                    problems.add(new Problem(item.line(), p + ".sources", "'" + text
                            + "' must be <scope>.<field> with scope one of " + SCOPES
                            + ", e.g. allocation.allocationCustom4Code"));
                } else {
                    sources.add(new CostCenterRules.Source(text.substring(0, dot), text.substring(dot + 1)));
                }
            }
        }
        WhenUnmapped whenUnmapped = WhenUnmapped.ERROR;
        YamlNode when = node.get("whenUnmapped");
        if (when != null) {
            switch (String.valueOf(when.text())) {
                case "default" -> whenUnmapped = WhenUnmapped.DEFAULT;
                case "keep" -> whenUnmapped = WhenUnmapped.KEEP;
                case "error" -> whenUnmapped = WhenUnmapped.ERROR;
                default -> problems.add(new Problem(when.line(), p + ".whenUnmapped",
                        "'" + when.text() + "' is not one of: default, keep, error"));
            }
        }
        String defaultCostCenter = code(node, p, "default");
        if (whenUnmapped == WhenUnmapped.DEFAULT && defaultCostCenter == null && when != null) {
            problems.add(new Problem(when.line(), p + ".whenUnmapped", "'default' needs costCenter.default"));
        }
        return new CostCenterRules(List.copyOf(sources), codeMap(node, p, "map"), whenUnmapped, defaultCostCenter,
                expression(node, p, "expression", null), bool(node, p, "required", false));
    }

    private PersonalChargeRules personalCharges(YamlNode node) {
        String p = "personalCharges";
        keys(node, p, "clearingAccount");
        return new PersonalChargeRules(code(node, p, "clearingAccount"));
    }

    private List<CreditRule> creditSide(YamlNode node) {
        List<CreditRule> rules = new ArrayList<>();
        if (node == null || node.kind() == YamlNode.Kind.NULL || !isList(node, "creditSide")) {
            return rules;
        }
        for (int i = 0; i < node.items().size(); i++) {
            YamlNode item = node.items().get(i);
            String p = "creditSide[" + (i + 1) + "]";
            if (!isMap(item, p)) {
                continue;
            }
            keys(item, p, "payer", "payee", "account", "payable", "description");
            String payer = required(item, p, "payer");
            String payee = required(item, p, "payee");
            String account = required(item, p, "account");
            if (payer != null && payee != null && account != null) {
                rules.add(new CreditRule(payer, payee, account, bool(item, p, "payable", false),
                        optionalText(item, "description")));
            }
        }
        return List.copyOf(rules);
    }

    private CashAdvanceRules cashAdvance(YamlNode node) {
        String p = "cashAdvance";
        keys(node, p, "account", "byClearingAccountCode", "settlementAccount", "settlementPayable");
        return new CashAdvanceRules(code(node, p, "account"), codeMap(node, p, "byClearingAccountCode"),
                code(node, p, "settlementAccount"), bool(node, p, "settlementPayable", true));
    }

    private InvoiceRules invoice(YamlNode node) {
        String p = "invoice";
        keys(node, p, "creditAccount", "payable");
        return new InvoiceRules(code(node, p, "creditAccount"), bool(node, p, "payable", true));
    }

    private TaxRules tax(YamlNode node) {
        String p = "tax";
        keys(node, p, "byTaxCode", "byAuthority", "default");
        return new TaxRules(codeMap(node, p, "byTaxCode"), codeMap(node, p, "byAuthority"), code(node, p, "default"));
    }

    private PayableRules payable(YamlNode node) {
        String p = "payable";
        keys(node, p, "expenseSupplierId", "invoiceSupplierId", "cashAdvanceSupplierId");
        return new PayableRules(expression(node, p, "expenseSupplierId", DEFAULT_EXPENSE_SUPPLIER),
                expression(node, p, "invoiceSupplierId", DEFAULT_INVOICE_SUPPLIER),
                expression(node, p, "cashAdvanceSupplierId", DEFAULT_CASH_ADVANCE_SUPPLIER));
    }

    private DescriptionRules descriptions(YamlNode node) {
        String p = "descriptions";
        keys(node, p, "document", "line");
        return new DescriptionRules(expression(node, p, "document", null), expression(node, p, "line", null));
    }

    // --- building blocks -------------------------------------------------------------------------------------

    /** A missing or empty section reads as an empty map, so every section is optional. */
    private YamlNode section(YamlNode root, String key) {
        YamlNode node = root.get(key);
        if (node == null || node.kind() == YamlNode.Kind.NULL || !isMap(node, key)) {
            return YamlNode.parse("{}", problems);
        }
        return node;
    }

    private void keys(YamlNode node, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : node.fields().keySet()) {
            if (!known.contains(key)) {
                problems.add(new Problem(node.keyLine(key), join(path, key), "unknown key '" + key
                        + "'" + suggestion(key, allowed) + "; allowed here: " + String.join(", ", allowed)));
            }
        }
    }

    private static String suggestion(String key, String[] allowed) {
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(key) || distance(candidate.toLowerCase(Locale.ROOT),
                    key.toLowerCase(Locale.ROOT)) <= 2) {
                return " (did you mean '" + candidate + "'?)";
            }
        }
        return "";
    }

    private Map<String, String> codeMap(YamlNode node, String path, String key) {
        YamlNode map = node.get(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (map == null || map.kind() == YamlNode.Kind.NULL || !isMap(map, join(path, key))) {
            return result;
        }
        for (Map.Entry<String, YamlNode> entry : map.fields().entrySet()) {
            String value = codeValue(entry.getValue(), join(join(path, key), entry.getKey()));
            if (value != null) {
                result.put(entry.getKey().trim(), value);
            }
        }
        return Map.copyOf(result);
    }

    private String code(YamlNode node, String path, String key) {
        YamlNode value = node.get(key);
        return value == null || value.kind() == YamlNode.Kind.NULL ? null : codeValue(value, join(path, key));
    }

    private String required(YamlNode node, String path, String key) {
        YamlNode value = node.get(key);
        if (value == null || value.kind() == YamlNode.Kind.NULL) {
            problems.add(new Problem(node.line(), join(path, key), "'" + key + "' is required"));
            return null;
        }
        return codeValue(value, join(path, key));
    }

    private String codeValue(YamlNode value, String path) {
        if (value.kind() != YamlNode.Kind.SCALAR || !CODE.matcher(value.text()).matches()) {
            problems.add(new Problem(value.line(), path, "expected a code (1–64 characters, no spaces), found "
                    + describe(value)));
            return null;
        }
        return value.text();
    }

    private String optionalText(YamlNode node, String key) {
        YamlNode value = node.get(key);
        return value == null || value.kind() != YamlNode.Kind.SCALAR ? null : value.text();
    }

    private boolean bool(YamlNode node, String path, String key, boolean defaultValue) {
        YamlNode value = node.get(key);
        if (value == null || value.kind() == YamlNode.Kind.NULL) {
            return defaultValue;
        }
        String text = String.valueOf(value.text()).toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("yes")) {
            return true;
        }
        if (text.equals("false") || text.equals("no")) {
            return false;
        }
        problems.add(new Problem(value.line(), join(path, key), "expected true or false, found " + describe(value)));
        return defaultValue;
    }

    private Expression expression(YamlNode node, String path, String key, String defaultSource) {
        YamlNode value = node.get(key);
        if (value == null || value.kind() == YamlNode.Kind.NULL) {
            return defaultSource == null ? null : Expression.compile(defaultSource);
        }
        if (value.kind() != YamlNode.Kind.SCALAR || value.text().isBlank()) {
            problems.add(new Problem(value.line(), join(path, key), "expected a JSONata expression, found "
                    + describe(value)));
            return null;
        }
        try {
            return Expression.compile(value.text());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(value.line(), join(path, key), e.getMessage()));
            return null;
        }
    }

    private boolean isMap(YamlNode node, String path) {
        if (node.kind() == YamlNode.Kind.MAP) {
            return true;
        }
        problems.add(new Problem(node.line(), path, "expected keys with values (a mapping), found " + describe(node)));
        return false;
    }

    private boolean isList(YamlNode node, String path) {
        if (node.kind() == YamlNode.Kind.LIST) {
            return true;
        }
        problems.add(new Problem(node.line(), path, "expected a list ('- item' lines), found " + describe(node)));
        return false;
    }

    private static String describe(YamlNode node) {
        return switch (node.kind()) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case NULL -> "nothing";
            case SCALAR -> "'" + node.text() + "'";
        };
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
