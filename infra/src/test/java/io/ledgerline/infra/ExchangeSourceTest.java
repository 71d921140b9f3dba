package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeSourceTest {

    final ExchangeSource source = new ExchangeSource(new ObjectMapper());

    @Test
    void readsEveryInteractionOfTheRecordedData() {
        List<ExchangeSource.Item> items = source.read(CassetteConverterTest.RECORDED, Instant.EPOCH);
        // 82 cassettes with 149 interactions in all, 34 of them from pydantic-ai (counted from the files)
        assertEquals(149, items.size());
        assertEquals(82, items.stream().map(ExchangeSource.Item::file).distinct().count());
        assertEquals(149, items.stream().map(i -> i.exchange().at("/metadata/callId").asText()).distinct().count());
        Map<String, Long> byDataset = items.stream().collect(Collectors.groupingBy(
                i -> i.exchange().at("/metadata/tags/dataset").asText(), Collectors.counting()));
        assertEquals(Map.of("openllmetry", 115L, "pydantic-ai", 34L), byDataset);
    }

    @Test
    void readsExchangeFilesAndNestedCassettes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("nested/deeper"));
        Files.copy(CassetteConverterTest.RECORDED.resolve(
                        "openllmetry/mistralai/mistralai__test_chat__test_mistralai_chat_legacy.decoded.json"),
                dir.resolve("nested/deeper/mistral.decoded.json"));
        Files.writeString(dir.resolve("a.exchange.json"), """
                [{"provider":"openai","request":{"method":"POST","url":"https://api.openai.com/v1/chat/completions","headers":{},"body":"{}"},
                  "response":{"status":200,"headers":{},"body":"{}"},"startTime":"2025-01-01T00:00:00Z","endTime":"2025-01-01T00:00:01Z"},
                 {"provider":"anthropic","request":{"method":"POST","url":"https://api.anthropic.com/v1/messages","headers":{},"body":"{}"},
                  "response":{"status":500,"headers":{},"body":"oops"},"startTime":"2025-01-01T00:00:00Z","endTime":"2025-01-01T00:00:01Z"}]
                """);
        Files.writeString(dir.resolve("b.exchange.json"), """
                {"provider":"groq","request":{"method":"POST","url":"https://api.groq.com/openai/v1/chat/completions","headers":{},"body":"{}"},
                 "response":{"status":200,"headers":{},"body":"{}"},"startTime":"2025-01-01T00:00:00Z","endTime":"2025-01-01T00:00:01Z"}
                """);
        Files.writeString(dir.resolve("notes.json"), "{\"ignored\": true}");

        List<ExchangeSource.Item> items = source.read(dir, Instant.EPOCH);

        assertEquals(4, items.size());
        assertEquals("a.exchange.json", items.get(0).file());
        assertEquals("openai", items.get(0).exchange().get("provider").asText());
        assertEquals(1, items.get(1).index());
        assertEquals("anthropic", items.get(1).exchange().get("provider").asText());
        assertEquals("b.exchange.json", items.get(2).file());
        assertEquals("groq", items.get(2).exchange().get("provider").asText());
        assertEquals("nested/deeper/mistral.decoded.json", items.get(3).file());
        assertEquals("nested/deeper/mistral.decoded.json#0", items.get(3).exchange().at("/metadata/callId").asText());
        // no source block is lost: the dataset comes from the cassette's own "source.repo"
        assertEquals("openllmetry", items.get(3).exchange().at("/metadata/tags/dataset").asText());
    }

    @Test
    void refusesAFileThatIsNotAFolder() {
        assertThrows(IllegalArgumentException.class, () -> source.read(Path.of("pom.xml"), Instant.EPOCH));
    }
}
