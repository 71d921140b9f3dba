package io.ledgerline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a decoded VCR cassette ({@code *.decoded.json}, see data/recorded-calls/SOURCES.md) into the collector's
 * provider-exchange shape ({@code POST /api/v1/exchanges}), one exchange per interaction.
 */
public final class CassetteConverter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CassetteConverter() {
    }

    /**
     * @param relativePath the cassette's path relative to the replayed folder, with '/' separators; it names the
     *                     exchanges ({@code metadata.callId = <relativePath>#<index>})
     * @param replayTime   used as the time of interactions that carry no {@code Date} header
     */
    public static List<ObjectNode> convert(JsonNode cassette, String relativePath, Instant replayTime) {
        JsonNode interactions = cassette.path("interactions");
        if (!interactions.isArray()) {
            throw new IllegalArgumentException(relativePath + " is not a decoded cassette: no \"interactions\" array");
        }
        String dataset = dataset(cassette, relativePath);
        String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        List<ObjectNode> exchanges = new ArrayList<>();
        for (int i = 0; i < interactions.size(); i++) {
            exchanges.add(convertInteraction(interactions.get(i), relativePath + "#" + i, dataset, fileName, replayTime));
        }
        return exchanges;
    }

    static ObjectNode convertInteraction(JsonNode interaction, String callId, String dataset, String fileName,
                                         Instant replayTime) {
        JsonNode req = interaction.path("request");
        JsonNode resp = interaction.path("response");

        ObjectNode request = JSON.objectNode();
        request.put("method", req.path("method").asText("POST"));
        request.put("url", req.path("uri").asText());
        request.set("headers", flattenHeaders(req.path("headers")));
        request.put("body", req.path("body").isNull() ? "" : req.path("body").asText(""));
        if ("base64".equals(req.path("body_encoding").asText())) {
            request.put("bodyEncoding", "base64");
        }

        ObjectNode response = JSON.objectNode();
        response.put("status", resp.path("status").asInt());
        response.set("headers", flattenHeaders(resp.path("headers")));
        response.put("body", resp.path("body").isNull() ? "" : resp.path("body").asText(""));
        response.put("bodyEncoding", "base64".equals(resp.path("body_encoding").asText()) ? "base64" : "text");

        ExchangeTiming.Times times = ExchangeTiming.of(resp.path("headers"), replayTime);

        ObjectNode exchange = JSON.objectNode();
        exchange.putNull("provider");
        exchange.set("request", request);
        exchange.set("response", response);
        exchange.put("startTime", times.start().toString());
        exchange.put("endTime", times.end().toString());
        ObjectNode metadata = exchange.putObject("metadata");
        metadata.put("callId", callId);
        ObjectNode tags = metadata.putObject("tags");
        tags.put("dataset", dataset);
        tags.put("cassette", fileName);
        return exchange;
    }

    /** {name: [v1, v2]} → {name: "v1, v2"}; a plain string value is kept. */
    static ObjectNode flattenHeaders(JsonNode headers) {
        ObjectNode flat = JSON.objectNode();
        if (headers == null || !headers.isObject()) {
            return flat;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isArray()) {
                List<String> values = new ArrayList<>();
                value.forEach(v -> values.add(v.asText()));
                flat.put(entry.getKey(), String.join(", ", values));
            } else if (!value.isNull()) {
                flat.put(entry.getKey(), value.asText());
            }
        }
        return flat;
    }

    /** "openllmetry" or "pydantic-ai": the recording project's repository name, else the first folder of the path. */
    static String dataset(JsonNode cassette, String relativePath) {
        String repo = cassette.path("source").path("repo").asText("");
        if (!repo.isBlank()) {
            return repo.substring(repo.lastIndexOf('/') + 1);
        }
        int slash = relativePath.indexOf('/');
        return slash > 0 ? relativePath.substring(0, slash) : "recorded";
    }
}
