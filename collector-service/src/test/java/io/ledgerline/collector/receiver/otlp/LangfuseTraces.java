package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a Langfuse trace export (test resource, see otlp/SOURCES.md) back into an OTLP/JSON export request: one span
 * per observation, with its id, parent, times, and the OTel attributes, resource attributes and scope name that
 * Langfuse kept in the observation's metadata. Attribute values keep their JSON type (Langfuse stored most as strings).
 */
final class LangfuseTraces {
    private LangfuseTraces() {
    }

    static JsonNode load(String fileName) {
        try (InputStream in = LangfuseTraces.class.getResourceAsStream("/otlp/langfuse-framework-traces/" + fileName)) {
            return OtlpJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toOtlpJson(String fileName) {
        JsonNode trace = load(fileName);
        String traceId = trace.path("trace").path("id").asText();
        ObjectNode root = OtlpJson.MAPPER.createObjectNode();
        ArrayNode resourceSpans = root.putArray("resourceSpans");
        for (JsonNode observation : trace.path("observations")) {
            JsonNode metadata = metadata(observation);
            ObjectNode group = resourceSpans.addObject();
            group.putObject("resource").set("attributes", attributes(metadata.path("resourceAttributes")));
            ObjectNode scopeSpans = group.putArray("scopeSpans").addObject();
            scopeSpans.putObject("scope").put("name", metadata.path("scope").path("name").asText(""));
            ObjectNode span = scopeSpans.putArray("spans").addObject();
            span.put("traceId", traceId);
            span.put("spanId", observation.path("id").asText());
            if (observation.path("parentObservationId").isTextual()) {
                span.put("parentSpanId", observation.path("parentObservationId").asText());
            }
            span.put("name", observation.path("name").asText());
            span.put("startTimeUnixNano", nanos(observation.path("startTime").asText()));
            span.put("endTimeUnixNano", nanos(observation.path("endTime").asText()));
            span.set("attributes", attributes(metadata.path("attributes")));
        }
        return root.toString();
    }

    private static JsonNode metadata(JsonNode observation) {
        JsonNode metadata = observation.path("metadata");
        if (metadata.isTextual()) {
            try {
                return OtlpJson.MAPPER.readTree(metadata.textValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return metadata;
    }

    private static ArrayNode attributes(JsonNode attributes) {
        ArrayNode array = OtlpJson.MAPPER.createArrayNode();
        Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Object value = OtlpJson.MAPPER.convertValue(field.getValue(), Object.class);
            ObjectNode keyValue = array.addObject();
            keyValue.put("key", field.getKey());
            keyValue.set("value", OtlpJson.anyValue(value));
        }
        return array;
    }

    private static String nanos(String isoInstant) {
        Instant instant = Instant.parse(isoInstant);
        return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }
}
