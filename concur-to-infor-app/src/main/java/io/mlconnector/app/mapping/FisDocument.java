package io.mlconnector.app.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Objects;

/**
 * A FIS financial document as fetched: its id, docType and the raw {@code document} (concur-api.md §4.2).
 *
 * @param id        FIS document id ({@code content[].id})
 * @param docType   {@code expense}, {@code invoice} or {@code cashadvance}
 * @param document  the financial document
 * @param entityId  FIS {@code entityId}, may be {@code null}
 * @param companyId FIS {@code companyId}, may be {@code null}
 */
public record FisDocument(String id, String docType, JsonNode document, String entityId, String companyId) {

    /**
     * Parses amounts as BigDecimal and keeps their scale ({@code 50.00000000} stays so; concur-api.md §4.8: up to 8
     * decimals). Whoever reads FIS JSON for the mapper should configure Jackson the same way.
     */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    public FisDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(docType, "docType");
        Objects.requireNonNull(document, "document");
    }

    public static FisDocument of(String id, String docType, JsonNode document) {
        return new FisDocument(id, docType, document, null, null);
    }

    /**
     * From one {@code content[]} (or older {@code fIDocuments[]}) item. {@code document} may be an object or, with
     * {@code DocumentFormatAs: text}, a JSON string (concur-api.md §4.2).
     *
     * @throws MappingException of kind INVALID_DOCUMENT when id, docType or document is missing or unreadable
     */
    public static FisDocument fromItem(JsonNode item) {
        String id = text(item.get("id"));
        String docType = text(item.get("docType"));
        JsonNode document = item.get("document");
        if (document != null && document.isTextual()) {
            document = parseEmbedded(id, document.asText());
        }
        if (id == null || docType == null || document == null || !document.isObject()) {
            throw invalid(id, "a FIS item needs id, docType and a document object");
        }
        return new FisDocument(id, docType, document, text(item.get("entityId")), text(item.get("companyId")));
    }

    private static JsonNode parseEmbedded(String id, String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(id, "the document string is not JSON: " + e.getOriginalMessage());
        }
    }

    private static MappingException invalid(String id, String message) {
        return new MappingException(id == null ? "(no id)" : id, java.util.List.of(new MappingException.Problem(
                MappingException.Kind.INVALID_DOCUMENT, "document", message, java.util.Set.of())));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
