package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values were read from the cassette files by hand (data/recorded-calls). */
class CassetteConverterTest {

    static final Path RECORDED = Path.of("..", "data", "recorded-calls");
    static final Instant REPLAY = Instant.parse("2030-01-02T03:04:05Z");
    final ObjectMapper mapper = new ObjectMapper();

    List<ObjectNode> convert(String relative) throws IOException {
        Path file = RECORDED.resolve(relative);
        assertTrue(Files.isRegularFile(file), "missing test data " + file.toAbsolutePath());
        return CassetteConverter.convert(mapper.readTree(file.toFile()), relative, REPLAY);
    }

    @Test
    void openAiChatWithDateAndProcessingTime() throws IOException {
        String relative = "openllmetry/openai/openai__traces__test_chat__test_chat_history_message_dict.decoded.json";
        List<ObjectNode> exchanges = convert(relative);
        assertEquals(6, exchanges.size());
        JsonNode third = exchanges.get(2);
        assertTrue(third.get("provider").isNull());
        assertEquals("POST", third.at("/request/method").asText());
        assertEquals("https://api.openai.com/v1/chat/completions", third.at("/request/url").asText());
        assertEquals("128", third.at("/request/headers/Content-Length").asText()); // names kept as recorded
        assertTrue(third.at("/request/body").asText().startsWith("{\"messages\":[{\"role\":\"user\",\"content\":\"Generate a random nou"));
        assertEquals(200, third.at("/response/status").asInt());
        assertEquals("text", third.at("/response/bodyEncoding").asText());
        assertEquals("application/json", third.at("/response/headers/Content-Type").asText());
        // Date: Tue, 31 Mar 2026 13:13:26 GMT; openai-processing-ms: 329
        assertEquals("2026-03-31T13:13:26Z", third.get("endTime").asText());
        assertEquals("2026-03-31T13:13:25.671Z", third.get("startTime").asText());
        assertEquals(relative + "#2", third.at("/metadata/callId").asText());
        assertEquals("openllmetry", third.at("/metadata/tags/dataset").asText());
        assertEquals("openai__traces__test_chat__test_chat_history_message_dict.decoded.json",
                third.at("/metadata/tags/cassette").asText());
    }

    @Test
    void multipleHeaderValuesAreJoinedAndEnvoyTimeWinsOverKong() throws IOException {
        List<ObjectNode> exchanges = convert("openllmetry/mistralai/mistralai__test_chat__test_mistralai_chat_legacy.decoded.json");
        assertEquals(1, exchanges.size());
        JsonNode exchange = exchanges.get(0);
        assertEquals("https://api.mistral.ai/v1/chat/completions", exchange.at("/request/url").asText());
        assertEquals("REDACTED_COOKIE, REDACTED_COOKIE", exchange.at("/response/headers/Set-Cookie").asText());
        // Date: Sat, 13 Sep 2025 10:31:30 GMT; x-envoy-upstream-service-time: 683 (x-kong-upstream-latency: 684)
        assertEquals("2025-09-13T10:31:30Z", exchange.get("endTime").asText());
        assertEquals("2025-09-13T10:31:29.317Z", exchange.get("startTime").asText());
    }

    @Test
    void bedrockEventStreamBodyStaysBase64() throws IOException {
        List<ObjectNode> exchanges = convert(
                "openllmetry/bedrock/bedrock__traces__test_anthropic__test_anthropic_converse_stream_with_tool_use.decoded.json");
        JsonNode exchange = exchanges.get(0);
        assertEquals("https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-sonnet-20240229-v1%3A0/converse-stream",
                exchange.at("/request/url").asText());
        assertEquals("base64", exchange.at("/response/bodyEncoding").asText());
        assertEquals("application/vnd.amazon.eventstream", exchange.at("/response/headers/Content-Type").asText());
        String body = exchange.at("/response/body").asText();
        assertTrue(body.startsWith("AAAAoAAAAFKQYHAnCzpldmVudC10eXBl"));
        byte[] bytes = Base64.getDecoder().decode(body);
        // an AWS event-stream frame starts with its total length, big-endian: 0x000000a0 = 160
        assertEquals(160, ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff));
        // Date: Thu, 09 Oct 2025 15:37:29 GMT and no duration header: start = end
        assertEquals("2025-10-09T15:37:29Z", exchange.get("endTime").asText());
        assertEquals("2025-10-09T15:37:29Z", exchange.get("startTime").asText());
    }

    @Test
    void withoutDateHeaderTheReplayTimeIsUsed() throws IOException {
        String relative = "pydantic-ai/openai/pydantic-ai__test_openai__test_openai_o1_mini_system_role_system.decoded.json";
        JsonNode exchange = convert(relative).get(0);
        assertEquals(400, exchange.at("/response/status").asInt());
        assertEquals("api.openai.com", exchange.at("/request/headers/host").asText());
        // no Date header; openai-processing-ms: 157
        assertEquals("2030-01-02T03:04:05Z", exchange.get("endTime").asText());
        assertEquals("2030-01-02T03:04:04.843Z", exchange.get("startTime").asText());
        assertEquals("pydantic-ai", exchange.at("/metadata/tags/dataset").asText());
        assertEquals(relative + "#0", exchange.at("/metadata/callId").asText());
    }
}
