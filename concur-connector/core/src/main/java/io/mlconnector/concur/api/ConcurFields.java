package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient readers for fields of Concur's JSON (FIS documents, Expense v4 and Invoice v3 answers), the one place that
 * reads a field's value: Concur sends amounts as numbers or strings, pads codes with spaces, gives one object where a
 * list is documented and writes dates in three formats; the schema and its examples disagree
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-documents-schema.html).
 */
public final class ConcurFields {
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter();

    private ConcurFields() {
    }

    /** Trimmed text, {@code null} for missing, null or blank (invoice expense type codes arrive padded). */
    public static String text(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /**
     * An amount as BigDecimal, keeping the scale Concur sent when the JSON was read with BigDecimal floats. Accepts
     * numbers and numeric strings ({@code "0E-8"}).
     *
     * @return {@code null} when missing or null
     * @throws NumberFormatException when present but not a number
     */
    public static BigDecimal amount(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else {
            String text = node.asText().trim();
            if (text.isEmpty()) {
                return null;
            }
            value = new BigDecimal(text);
        }
        // A tree built with Jackson's default node factory strips trailing zeros (50.0 → 5E+1); post plain numbers.
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Elements of an array field; an object is read as a one-element array (an invoice's {@code journal}). */
    public static List<JsonNode> elements(JsonNode parent, String field) {
        return elements(parent == null ? null : parent.get(field));
    }

    /** Elements of an array; an object is one element; nothing for missing or null. */
    public static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (node.isArray()) {
            node.forEach(result::add);
        } else if (node.isObject()) {
            result.add(node);
        }
        return result;
    }

    /**
     * The first parseable date of the fields: ISO date, ISO timestamp (with or without colon in the offset),
     * MM/dd/yyyy.
     */
    public static LocalDate firstDate(JsonNode parent, String... fields) {
        for (String field : fields) {
            LocalDate date = date(text(parent, field));
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    public static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10 && text.charAt(2) == '/') {
                return LocalDate.parse(text, US_DATE);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            return parseTimestamp(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OffsetDateTime parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON);
        }
    }
}
