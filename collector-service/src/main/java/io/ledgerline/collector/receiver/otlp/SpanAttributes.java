package io.ledgerline.collector.receiver.otlp;

import io.ledgerline.collector.processor.tokens.TokenCounts;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Typed reads of span attributes for the GenAI mapping. Instrumentations disagree on types (some send every value
 * as a string), so numeric strings and integral doubles are accepted where a number is expected; anything that
 * cannot mean the expected type raises {@link SpanRejectedException} naming the attribute and the type.
 */
final class SpanAttributes {
    private final Map<String, Object> values;

    SpanAttributes(Map<String, Object> values) {
        this.values = values;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Object raw(String key) {
        return values.get(key);
    }

    /** A scalar as text; null when absent or empty. Lists and maps are rejected. */
    String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            throw wrongType(key, "a string", value);
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    /** The first of {@code keys} that holds a non-empty string. */
    String firstString(String... keys) {
        for (String key : keys) {
            String value = string(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A non-negative integer (a token count, a status code); null when absent. */
    Long count(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        Long count = null;
        if (value instanceof Long number) {
            count = number;
        } else if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            count = number.longValue();
        } else if (value instanceof String text) {
            count = parseLong(text.trim());
        }
        if (count == null || count < 0) {
            throw wrongType(key, "a non-negative integer", value);
        }
        return count;
    }

    /** The first of {@code keys} that is present, as a token count within {@link TokenCounts}' plausibility bound. */
    Long firstTokenCount(String... keys) {
        for (String key : keys) {
            if (values.containsKey(key)) {
                long count = count(key);
                try {
                    return TokenCounts.of(BigDecimal.valueOf(count));
                } catch (IllegalArgumentException e) {
                    throw new SpanRejectedException("attribute '" + key + "' " + e.getMessage());
                }
            }
        }
        return null;
    }

    /** A number of seconds (integer or decimal); null when absent. */
    Double seconds(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Long number) {
            return number.doubleValue();
        }
        if (value instanceof Double number && !number.isNaN() && !number.isInfinite()) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw wrongType(key, "a number of seconds", value);
    }

    /** A boolean, also accepted as the strings "true" / "false"; null when absent. */
    Boolean flag(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text);
        }
        throw wrongType(key, "a boolean", value);
    }

    /** The first of {@code keys} that is present, as a boolean. */
    Boolean firstFlag(String... keys) {
        for (String key : keys) {
            if (values.containsKey(key)) {
                return flag(key);
            }
        }
        return null;
    }

    /** The attributes whose key starts with {@code prefix}, keyed by the rest of the key, in key order. */
    Map<String, Object> withPrefix(String prefix) {
        Map<String, Object> result = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /**
     * Groups flattened list attributes: with prefix {@code gen_ai.prompt.}, the keys {@code gen_ai.prompt.0.role}
     * and {@code gen_ai.prompt.0.content} become entry 0 with keys {@code role} and {@code content}.
     */
    static SortedMap<Integer, Map<String, Object>> indexed(Map<String, Object> source, String prefix) {
        SortedMap<Integer, Map<String, Object>> groups = new TreeMap<>();
        source.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                return;
            }
            Long index = parseLong(rest.substring(0, dot));
            if (index != null && index >= 0 && index <= Integer.MAX_VALUE) {
                groups.computeIfAbsent(index.intValue(), i -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
            }
        });
        return groups;
    }

    SortedMap<Integer, Map<String, Object>> indexed(String prefix) {
        return indexed(values, prefix);
    }

    private static Long parseLong(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SpanRejectedException wrongType(String key, String expected, Object value) {
        return new SpanRejectedException("attribute '" + key + "' must be " + expected + ", got " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "the string \"" + text + "\"";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "a key/value list";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }
}
