package io.mlconnector.app.nonfis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.concur.api.ConcurFields;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writers for the FIS shape, amounts as exact BigDecimal, and the v3 list wrapper; field values are read with
 * {@link ConcurFields} like every FIS field.
 */
final class AdapterJson {
    /** Keeps the scale Concur sent ({@code 25.00000000} stays so), like the FIS reader. */
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern CUSTOM_FIELD = Pattern.compile("(?i)(custom|orgunit)(\\d+)");

    private AdapterJson() {
    }

    /** Elements of a v3 list, which may come in its XML-style wrapper ({@code {"LineItem": [...]}}). */
    static List<JsonNode> elements(JsonNode parent, String field, String wrapped) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node != null && node.isObject() && node.has(wrapped)) {
            node = node.get(wrapped);
        }
        return ConcurFields.elements(node);
    }

    /**
     * The FIS name of a custom field: {@code custom9} → {@code <prefix>Custom9Code}, {@code orgUnit2} →
     * {@code <prefix>OrgUnit2Code}; null for ids that are not numbered custom or org-unit fields.
     */
    static String fisCustomField(String prefix, String id) {
        Matcher m = id == null ? null : CUSTOM_FIELD.matcher(id.trim());
        if (m == null || !m.matches()) {
            return null;
        }
        String kind = m.group(1).toLowerCase(Locale.ROOT).equals("custom") ? "Custom" : "OrgUnit";
        return prefix + kind + Integer.parseInt(m.group(2)) + "Code";
    }

    static void putIfPresent(ObjectNode target, String field, String value) {
        if (value != null) {
            target.put(field, value);
        }
    }

    static void putIfPresent(ObjectNode target, String field, BigDecimal value) {
        if (value != null) {
            target.put(field, value);
        }
    }

    /**
     * Splits {@code total} by {@code weights} (percentages or amounts) at the total's scale; the last share takes the
     * rounding remainder, so the shares always add up to the total exactly.
     */
    static List<BigDecimal> split(BigDecimal total, List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal share = i == weights.size() - 1 || sum.signum() == 0 ? total.subtract(given)
                    : total.multiply(weights.get(i)).divide(sum, total.scale(), RoundingMode.HALF_UP);
            if (i < weights.size() - 1 && sum.signum() == 0) {
                share = BigDecimal.ZERO.setScale(total.scale());
            }
            shares.add(share);
            given = given.add(share);
        }
        return shares;
    }
}
