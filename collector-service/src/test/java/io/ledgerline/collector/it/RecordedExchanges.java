package io.ledgerline.collector.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The recorded provider traffic of data/recorded-calls, as the JSON items of {@code POST /api/v1/exchanges}. */
final class RecordedExchanges {
    static final Path ROOT = Path.of("../data/recorded-calls");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedExchanges() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".decoded.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every interaction of a cassette as an exchange item; the client id is file#index, so re-sends dedupe. */
    static List<ObjectNode> items(Path file) {
        JsonNode cassette;
        try {
            cassette = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ObjectNode> items = new ArrayList<>();
        JsonNode interactions = cassette.get("interactions");
        for (int i = 0; i < interactions.size(); i++) {
            JsonNode recorded = interactions.get(i);
            ObjectNode item = JSON.createObjectNode();
            ObjectNode request = item.putObject("request");
            request.put("method", recorded.get("request").get("method").asText());
            request.put("url", recorded.get("request").get("uri").asText());
            request.set("headers", recorded.get("request").get("headers"));
            request.set("body", recorded.get("request").get("body"));
            ObjectNode response = item.putObject("response");
            response.put("status", recorded.get("response").get("status").asInt());
            response.set("headers", recorded.get("response").get("headers"));
            response.set("body", recorded.get("response").get("body"));
            response.put("bodyEncoding", recorded.get("response").path("body_encoding").asText("text"));
            item.put("startTime", "2025-07-30T12:37:55Z");
            item.put("endTime", "2025-07-30T12:37:56.250Z");
            item.putObject("metadata").put("callId", ROOT.relativize(file) + "#" + i);
            items.add(item);
        }
        return items;
    }

    static String array(List<ObjectNode> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(array::add);
        return array.toString();
    }
}
