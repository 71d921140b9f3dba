package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.collector.receiver.JsonSyntax;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an OTLP/JSON {@code ExportTraceServiceRequest} (OTLP/HTTP {@code application/json}).
 *
 * <p>Follows the OTLP/JSON rules and tolerates what protobuf's generic JSON mapping writes: ids in hex or base64,
 * 64-bit integers as strings or numbers, enums as numbers or names. The structure above the spans must be right
 * (otherwise the body is malformed); a span that cannot be read is rejected on its own.
 */
final class JsonTraceReader {
    private final ObjectMapper objectMapper;

    JsonTraceReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    OtlpBatch read(String body) {
        JsonNode root = parse(body);
        List<OtlpSpan> spans = new ArrayList<>();
        List<SpanRejection> rejections = new ArrayList<>();
        int index = 0;
        for (JsonNode resourceSpans : arrayField(root, "resourceSpans", "request")) {
            String resourceProblem = null;
            Map<String, Object> resourceAttributes = Map.of();
            try {
                resourceAttributes = attributes(resourceSpans.path("resource").path("attributes"));
            } catch (InvalidSpanException e) {
                resourceProblem = "resource " + e.getMessage();
            }
            for (JsonNode scopeSpans : arrayField(resourceSpans, "scopeSpans", "resourceSpans")) {
                String scopeName = text(scopeSpans.path("scope").path("name"));
                for (JsonNode span : arrayField(scopeSpans, "spans", "scopeSpans")) {
                    String traceId = null;
                    String spanId = null;
                    try {
                        if (!span.isObject()) {
                            throw new InvalidSpanException("span must be a JSON object");
                        }
                        traceId = OtlpIds.fromText("traceId", text(span.path("traceId")), OtlpIds.TRACE_ID_BYTES);
                        spanId = OtlpIds.fromText("spanId", text(span.path("spanId")), OtlpIds.SPAN_ID_BYTES);
                        if (resourceProblem != null) {
                            throw new InvalidSpanException(resourceProblem);
                        }
                        spans.add(span(span, traceId, spanId, resourceAttributes, scopeName));
                    } catch (InvalidSpanException e) {
                        rejections.add(new SpanRejection(index, traceId, spanId, e.getMessage()));
                    }
                    index++;
                }
            }
        }
        return new OtlpBatch(spans, rejections);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedOtlpException("body is empty; expected an OTLP/JSON ExportTraceServiceRequest");
        }
        JsonNode root;
        try {
            root = objectMapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedOtlpException("body is not valid JSON: " + JsonSyntax.describe(e), e);
        }
        if (!root.isObject()) {
            throw new MalformedOtlpException("body must be a JSON object with a resourceSpans array, got "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return root;
    }

    private static Iterable<JsonNode> arrayField(JsonNode parent, String field, String parentName) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new MalformedOtlpException(parentName + "." + field + " must be an array");
        }
        return node;
    }

    private static OtlpSpan span(JsonNode span, String traceId, String spanId, Map<String, Object> resourceAttributes,
            String scopeName) {
        String parentText = text(span.path("parentSpanId"));
        String parentSpanId = parentText == null || parentText.isEmpty() ? null
                : OtlpIds.fromText("parentSpanId", parentText, OtlpIds.SPAN_ID_BYTES);
        JsonNode status = span.path("status");
        return new OtlpSpan(traceId, spanId, parentSpanId, text(span.path("name")), kind(span.path("kind")),
                time(span.path("startTimeUnixNano"), "startTimeUnixNano"),
                time(span.path("endTimeUnixNano"), "endTimeUnixNano"),
                statusCode(status.path("code")), emptyToNull(text(status.path("message"))),
                attributes(span.path("attributes")), resourceAttributes, emptyToNull(scopeName),
                events(span.path("events")));
    }

    private static List<OtlpEvent> events(JsonNode events) {
        if (events.isMissingNode() || events.isNull()) {
            return List.of();
        }
        if (!events.isArray()) {
            throw new InvalidSpanException("events must be an array");
        }
        List<OtlpEvent> result = new ArrayList<>();
        for (JsonNode event : events) {
            String name = text(event.path("name"));
            try {
                result.add(new OtlpEvent(name, time(event.path("timeUnixNano"), "timeUnixNano"),
                        attributes(event.path("attributes"))));
            } catch (InvalidSpanException e) {
                throw new InvalidSpanException("event '" + name + "': " + e.getMessage());
            }
        }
        return result;
    }

    private static OtlpSpanKind kind(JsonNode kind) {
        if (kind.isTextual()) {
            return OtlpSpanKind.fromName(kind.textValue());
        }
        return kind.canConvertToLong() ? OtlpSpanKind.fromNumber(kind.longValue()) : OtlpSpanKind.UNSPECIFIED;
    }

    private static OtlpStatusCode statusCode(JsonNode code) {
        if (code.isTextual()) {
            return OtlpStatusCode.fromName(code.textValue());
        }
        return code.canConvertToLong() ? OtlpStatusCode.fromNumber(code.longValue()) : OtlpStatusCode.UNSET;
    }

    private static Instant time(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return UnixNanos.toInstant(int64(node, field, true));
    }

    /** An int64 (or, for times, unsigned fixed64) written as a JSON number or as a decimal string. */
    private static long int64(JsonNode node, String field, boolean unsigned) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isIntegralNumber() && unsigned) {
            return node.bigIntegerValue().longValue();
        }
        if (node.isTextual()) {
            try {
                return unsigned ? Long.parseUnsignedLong(node.textValue()) : Long.parseLong(node.textValue());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidSpanException(field + " must be a 64-bit integer (number or decimal string), got " + node);
    }

    private static Map<String, Object> attributes(JsonNode keyValues) {
        if (keyValues.isMissingNode() || keyValues.isNull()) {
            return Map.of();
        }
        if (!keyValues.isArray()) {
            throw new InvalidSpanException("attributes must be an array of {key, value}");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (JsonNode keyValue : keyValues) {
            String key = text(keyValue.path("key"));
            if (key == null) {
                throw new InvalidSpanException("attribute without a key: " + keyValue);
            }
            Object value = value(keyValue.path("value"), key);
            if (value != null) {
                result.put(key, value);
            }
        }
        return result;
    }

    private static Object value(JsonNode anyValue, String key) {
        if (anyValue.has("stringValue")) {
            return text(anyValue.get("stringValue"));
        }
        if (anyValue.has("boolValue")) {
            return bool(anyValue.get("boolValue"), key);
        }
        if (anyValue.has("intValue")) {
            return int64(anyValue.get("intValue"), "attribute '" + key + "' intValue", false);
        }
        if (anyValue.has("doubleValue")) {
            return decimal(anyValue.get("doubleValue"), key);
        }
        if (anyValue.has("bytesValue")) {
            return text(anyValue.get("bytesValue"));
        }
        if (anyValue.has("arrayValue")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode element : anyValue.get("arrayValue").path("values")) {
                Object converted = value(element, key);
                if (converted != null) {
                    values.add(converted);
                }
            }
            return values;
        }
        if (anyValue.has("kvlistValue")) {
            return attributes(anyValue.get("kvlistValue").path("values"));
        }
        return null;
    }

    private static Boolean bool(JsonNode node, String key) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
            return Boolean.valueOf(node.textValue());
        }
        throw new InvalidSpanException("attribute '" + key + "' boolValue must be true or false, got " + node);
    }

    private static Double decimal(JsonNode node, String key) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.valueOf(node.textValue());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidSpanException("attribute '" + key + "' doubleValue must be a number, got " + node);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
