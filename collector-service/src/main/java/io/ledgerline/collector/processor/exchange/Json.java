package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.collector.processor.tokens.TokenCounts;

/** Small null-tolerant helpers over Jackson trees; provider bodies are read as trees, never bound to classes. */
final class Json {
    // Thread-safe once configured; never reconfigured after class init. Trailing content is an error, so that an
    // NDJSON body is not mistaken for its first line.
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** The parsed document, or null when the text is blank or not JSON. */
    static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static JsonNode parseOrNull(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Follows a path of object fields; a missing step gives a missing node, never null. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        for (String step : path) {
            current = current.path(step);
        }
        return current;
    }

    /** Text of a scalar node, or null when absent, JSON null or blank. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String s = value.asText();
        return s.isBlank() ? null : s;
    }

    /** Text of a string node exactly as sent (whitespace-only stream pieces matter); null when not a string. */
    static String rawText(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isTextual() ? value.asText() : null;
    }

    /**
     * A reported token count, also when sent as a numeric string; null when absent or JSON null. Anything else (a
     * fraction, a negative or implausibly large figure, text, an object) rejects the exchange naming the field: a
     * silently dropped or wrapped figure would corrupt the tenant's totals for good.
     */
    static Long number(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return TokenCounts.of(value.decimalValue());
            }
            if (value.isTextual()) {
                return TokenCounts.of(value.asText());
            }
            throw new IllegalArgumentException("must be a whole number of tokens, not " + value.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidExchangeException("response.body", "the usage figure '" + String.join(".", path) + "' "
                    + e.getMessage());
        }
    }

    static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
