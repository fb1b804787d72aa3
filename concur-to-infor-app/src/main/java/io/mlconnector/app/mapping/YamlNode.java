package io.mlconnector.app.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers its line, so validation errors can name it. Built from Jackson's YAML token stream;
 * scalars keep their source text ({@code 0021} stays {@code "0021"}, it is never read as a number).
 */
final class YamlNode {
    enum Kind { MAP, LIST, SCALAR, NULL }

    private final Kind kind;
    private final int line;
    private final String text;
    private final Map<String, YamlNode> fields;
    private final Map<String, Integer> keyLines;
    private final List<YamlNode> items;

    private YamlNode(Kind kind, int line, String text, Map<String, YamlNode> fields, Map<String, Integer> keyLines,
                     List<YamlNode> items) {
        this.kind = kind;
        this.line = line;
        this.text = text;
        this.fields = fields;
        this.keyLines = keyLines;
        this.items = items;
    }

    Kind kind() {
        return kind;
    }

    int line() {
        return line;
    }

    /** Scalar text, {@code null} for null scalars. */
    String text() {
        return text;
    }

    Map<String, YamlNode> fields() {
        return Collections.unmodifiableMap(fields);
    }

    List<YamlNode> items() {
        return Collections.unmodifiableList(items);
    }

    YamlNode get(String key) {
        return fields.get(key);
    }

    /** The line a key is written on (its value may start on the next line). */
    int keyLine(String key) {
        return keyLines.getOrDefault(key, line);
    }

    /**
     * Parses YAML text; syntax errors and duplicate keys are added to {@code problems} with their line.
     *
     * @return the root, or {@code null} when the text could not be parsed
     */
    static YamlNode parse(String yaml, List<MappingConfigException.Problem> problems) {
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                problems.add(new MappingConfigException.Problem(1, "", "the mapping file is empty"));
                return null;
            }
            return read(parser, token, problems);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new MappingConfigException.Problem(line, "", "not valid YAML: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new MappingConfigException.Problem(0, "", "cannot read the mapping: " + e.getMessage()));
            return null;
        }
    }

    private static YamlNode read(JsonParser parser, JsonToken token, List<MappingConfigException.Problem> problems)
            throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    YamlNode value = read(parser, parser.nextToken(), problems);
                    if (fields.putIfAbsent(key, value) != null) {
                        problems.add(new MappingConfigException.Problem(keyLine, key,
                                "duplicate key '" + key + "' (first at line " + keyLines.get(key) + ")"));
                    } else {
                        keyLines.put(key, keyLine);
                    }
                }
                return new YamlNode(Kind.MAP, line, null, fields, keyLines, List.of());
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(parser, next, problems));
                }
                return new YamlNode(Kind.LIST, line, null, Map.of(), Map.of(), items);
            }
            case VALUE_NULL -> {
                return new YamlNode(Kind.NULL, line, null, Map.of(), Map.of(), List.of());
            }
            default -> {
                return new YamlNode(Kind.SCALAR, line, parser.getText(), Map.of(), Map.of(), List.of());
            }
        }
    }
}
