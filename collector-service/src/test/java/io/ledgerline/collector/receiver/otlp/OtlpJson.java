package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Builds OTLP/JSON export requests for tests, the way an OTLP/HTTP exporter writes them. */
final class OtlpJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private OtlpJson() {
    }

    /** One resource, one scope, the given spans. */
    static String request(ObjectNode... spans) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode scopeSpans = root.putArray("resourceSpans").addObject().putArray("scopeSpans").addObject();
        scopeSpans.putObject("scope").put("name", "test-scope");
        ArrayNode spanArray = scopeSpans.putArray("spans");
        for (ObjectNode span : spans) {
            spanArray.add(span);
        }
        return root.toString();
    }

    static ObjectNode span(String traceId, String spanId, String name, Map<String, ?> attributes) {
        ObjectNode span = MAPPER.createObjectNode();
        if (traceId != null) {
            span.put("traceId", traceId);
        }
        if (spanId != null) {
            span.put("spanId", spanId);
        }
        span.put("name", name);
        span.put("kind", 3);
        span.put("startTimeUnixNano", "1747330242830926000");
        span.put("endTimeUnixNano", "1747330244009197000");
        span.set("attributes", attributes(attributes));
        return span;
    }

    /** Attributes as OTLP/JSON {@code [{key, value: {stringValue|intValue|…}}]}; integers as strings, as the spec says. */
    static ArrayNode attributes(Map<String, ?> attributes) {
        ArrayNode array = MAPPER.createArrayNode();
        attributes.forEach((key, value) -> {
            ObjectNode keyValue = array.addObject();
            keyValue.put("key", key);
            keyValue.set("value", anyValue(value));
        });
        return array;
    }

    static ObjectNode anyValue(Object value) {
        ObjectNode any = MAPPER.createObjectNode();
        if (value instanceof String text) {
            any.put("stringValue", text);
        } else if (value instanceof Integer || value instanceof Long) {
            any.put("intValue", value.toString());
        } else if (value instanceof Double number) {
            any.put("doubleValue", number);
        } else if (value instanceof Boolean bool) {
            any.put("boolValue", bool);
        } else if (value instanceof List<?> list) {
            ArrayNode values = any.putObject("arrayValue").putArray("values");
            list.forEach(element -> values.add(anyValue(element)));
        } else if (value instanceof Map<?, ?> map) {
            ArrayNode values = any.putObject("kvlistValue").putArray("values");
            map.forEach((k, v) -> values.addObject().put("key", k.toString()).set("value", anyValue(v)));
        } else {
            throw new IllegalArgumentException("no OTLP value for " + value);
        }
        return any;
    }
}
