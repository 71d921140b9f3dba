package io.ledgerline.collector.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.collector.processor.exchange.RawExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test helper: reads the recorded provider traffic in {@code data/recorded-calls} (VCR cassettes decoded to JSON,
 * see SOURCES.md there) and turns one interaction into a {@link RawExchange}, the way a proxy would have captured it.
 */
public final class RecordedCalls {
    /** Maven runs a module's tests with the module folder as working directory. */
    public static final Path ROOT = Path.of("../data/recorded-calls");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    private RecordedCalls() {
    }

    /** One interaction of one cassette; {@code file} is relative to {@link #ROOT}. */
    public record Interaction(String file, int index, JsonNode json) {
        @Override
        public String toString() {
            return file + "#" + index;
        }
    }

    public static List<Interaction> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Interaction> result = new ArrayList<>();
            files.filter(p -> p.toString().endsWith(".decoded.json")).sorted().forEach(p -> {
                JsonNode interactions = read(p).path("interactions");
                for (int i = 0; i < interactions.size(); i++) {
                    result.add(new Interaction(ROOT.relativize(p).toString(), i, interactions.get(i)));
                }
            });
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Interaction interaction(String file, int index) {
        return new Interaction(file, index, read(ROOT.resolve(file)).path("interactions").get(index));
    }

    public static RawExchange exchange(String file, int index) {
        return toExchange(interaction(file, index));
    }

    /** The cassette interaction as a captured exchange; times are synthetic (the cassettes do not record them). */
    public static RawExchange toExchange(Interaction interaction) {
        JsonNode request = interaction.json().path("request");
        JsonNode response = interaction.json().path("response");
        return new RawExchange(null, request.path("method").asText(), request.path("uri").asText(),
                headers(request.path("headers")), request.path("body").asText(null), response.path("status").asInt(),
                headers(response.path("headers")), response.path("body").asText(null),
                "base64".equals(response.path("body_encoding").asText()), START, START.plusMillis(1500), null,
                Map.of());
    }

    /** Cassette headers are {@code name: [values]}; a proxy sees one comma-joined value per name. */
    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> values = new ArrayList<>();
            field.getValue().forEach(v -> values.add(v.asText()));
            result.put(field.getKey(), String.join(", ", values));
        }
        return result;
    }

    private static JsonNode read(Path path) {
        try {
            return MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
