package io.ledgerline.collector.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads typed fields of an ingest item, naming the field and the reason when one is wrong. */
public final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFields() {
    }

    public static String text(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidItemException(path, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidItemException(path, "must be a string, not " + kind(node));
        }
        return node.asText();
    }

    public static Long wholeNumber(JsonNode parent, String name, String path, long min, long max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.asLong();
        } else if (node.isTextual() && node.asText().matches("-?\\d{1,18}")) {
            value = Long.parseLong(node.asText());
        } else {
            throw new InvalidItemException(path, "must be a whole number, not " + kind(node) + " " + node);
        }
        if (value < min || value > max) {
            throw new InvalidItemException(path, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    public static Boolean bool(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidItemException(path, "must be true or false, not " + kind(node));
        }
        return node.asBoolean();
    }

    public static Instant instant(JsonNode parent, String name, String path, boolean required) {
        String text = text(parent, name, path, required);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidItemException(path, "must be an ISO-8601 UTC instant such as 2025-07-30T12:37:55Z, not '"
                    + text + "'");
        }
    }

    public static JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidItemException(path, "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidItemException(path, "must be an object, not " + kind(node));
        }
        return node;
    }

    /** Header maps: names lower-cased; a list of values is joined with ", " as HTTP does. */
    public static Map<String, String> headers(JsonNode parent, String name, String path) {
        JsonNode node = object(parent, name, path, false);
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null) {
            return headers;
        }
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String joined;
            if (value.isArray()) {
                StringBuilder sb = new StringBuilder();
                value.forEach(v -> sb.append(sb.length() == 0 ? "" : ", ").append(v.asText()));
                joined = sb.toString();
            } else if (value.isValueNode()) {
                joined = value.asText();
            } else {
                throw new InvalidItemException(path + "." + field.getKey(), "must be a string or a list of strings");
            }
            headers.put(field.getKey().toLowerCase(Locale.ROOT), joined);
        });
        return headers;
    }

    /** A map of plain JSON values (strings, numbers, booleans, nested objects) for metadata. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainMap(JsonNode parent, String name, String path) {
        JsonNode node = object(parent, name, path, false);
        return node == null ? Map.of() : JSON.convertValue(node, Map.class);
    }

    public static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
