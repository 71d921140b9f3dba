package io.ledgerline.collector.processor.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Behaviour on hand-written exchanges: validation, metadata, provider detection, AWS event-stream framing. */
class ExchangeParserTest {
    private static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
    private final ExchangeParser parser = new ExchangeParser();

    private static RawExchange exchange(String provider, String url, Map<String, String> requestHeaders, String request,
            int status, Map<String, String> responseHeaders, String response, boolean base64,
            Map<String, Object> metadata) {
        return new RawExchange(provider, "POST", url, requestHeaders, request, status, responseHeaders, response,
                base64, T0, T0.plusMillis(840), 120L, metadata);
    }

    @Test
    void exchangeWithoutUrlIsRejected() {
        InvalidExchangeException e = assertThrows(InvalidExchangeException.class, () -> parser.parse(
                exchange(null, " ", Map.of(), "{}", 200, Map.of(), "{}", false, Map.of())));
        assertEquals("request.url", e.field());
    }

    @Test
    void endBeforeStartIsRejected() {
        RawExchange backwards = new RawExchange(null, "POST", "https://api.openai.com/v1/chat/completions", Map.of(),
                "{}", 200, Map.of(), "{}", false, T0, T0.minusMillis(1), null, Map.of());
        assertEquals("endTime", assertThrows(InvalidExchangeException.class, () -> parser.parse(backwards)).field());
    }

    @Test
    void nonJsonBodiesOfARealExchangeAreStillRecorded() {
        CallRecordBuilder call = parser.parse(exchange(null, "https://api.example.net/v1/chat/completions", Map.of(),
                "not json", 502, Map.of("content-type", "text/html"), "<html>Bad gateway</html>", false, Map.of()));
        assertEquals("unknown", call.provider());
        assertEquals("chat", call.operation());
        assertEquals(CallStatus.ERROR, call.status());
        assertEquals("http_502", call.errorType());
    }

    @Test
    void metadataAndTimingAreCopied() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("endUser", "user-42");
        metadata.put("sessionId", "s-1");
        metadata.put("workflow", "refund-triage");
        metadata.put("critical", true);
        metadata.put("tags", Map.of("team", "billing", "tier", 2));
        metadata.put("attempt", 1);
        metadata.put("logicalRequestId", "lr-9");
        metadata.put("traceId", "0af7651916cd43dd8448eb211c80319c");
        metadata.put("spanId", "b7ad6b7169203331");
        CallRecordBuilder call = parser.parse(exchange("auto", "https://api.openai.com/v1/chat/completions",
                Map.of("traceparent", "00-11111111111111111111111111111111-2222222222222222-01"),
                "{\"model\":\"gpt-4o\",\"user\":\"from-body\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                200, Map.of(), "{\"choices\":[]}", false, metadata));
        assertEquals("user-42", call.endUser());
        assertEquals("s-1", call.sessionId());
        assertEquals("refund-triage", call.workflow());
        assertTrue(call.critical());
        assertEquals(Map.of("team", "billing", "tier", "2"), call.tags());
        assertEquals(1, call.attempt());
        assertEquals("lr-9", call.logicalRequestId());
        // metadata ids win over the traceparent header
        assertEquals("0af7651916cd43dd8448eb211c80319c", call.traceId());
        assertEquals("b7ad6b7169203331", call.spanId());
        assertNull(call.parentSpanId());
        assertEquals(840L, call.latencyMs());
        assertEquals(120L, call.timeToFirstTokenMs());
    }

    @Test
    void providerHintAndDetection() {
        String body = "{\"model\":\"llama3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertEquals("azure_openai", parser.parse(exchange("azure", "https://gw.internal/v1/chat/completions",
                Map.of(), body, 200, Map.of(), "{}", false, Map.of())).provider());
        assertEquals("groq", parser.parse(exchange(null, "https://api.groq.com/openai/v1/chat/completions",
                Map.of(), body, 200, Map.of(), "{}", false, Map.of())).provider());
        assertEquals("ollama", parser.parse(exchange(null, "http://gpu-box:11434/api/chat",
                Map.of(), body, 200, Map.of(), "{}", false, Map.of())).provider());
        CallRecordBuilder embed = parser.parse(exchange(null,
                "https://bedrock-runtime.eu-west-1.amazonaws.com/model/cohere.embed-english-v3/invoke", Map.of(),
                "{\"texts\":[\"a\"]}", 200, Map.of("x-amzn-bedrock-input-token-count", "3"), "{}", false, Map.of()));
        assertEquals("bedrock", embed.provider());
        assertEquals("embeddings", embed.operation());
        assertEquals(3, embed.usage().inputTokens().tokens());
    }

    /** Bedrock invoke-with-response-stream: Claude's own events, base64 in the "bytes" of AWS "chunk" frames. */
    @Test
    void invokeWithResponseStreamChunksAreDecoded() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        String[] events = {
            "{\"type\":\"message_start\",\"message\":{\"model\":\"claude-3-haiku-20240307\",\"role\":\"assistant\","
                    + "\"usage\":{\"input_tokens\":21,\"output_tokens\":1}}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi \"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"there\"}}",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":4}}",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":6}}",
        };
        for (String event : events) {
            String payload = "{\"bytes\":\"" + Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8))
                    + "\"}";
            stream.writeBytes(frame(Map.of(":event-type", "chunk", ":message-type", "event"), payload));
        }
        CallRecordBuilder call = parser.parse(exchange(null, "https://bedrock-runtime.us-east-1.amazonaws.com/model/"
                + "anthropic.claude-3-haiku-20240307-v1%3A0/invoke-with-response-stream", Map.of(),
                "{\"anthropic_version\":\"bedrock-2023-05-31\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}",
                200, Map.of("content-type", "application/vnd.amazon.eventstream"),
                Base64.getEncoder().encodeToString(stream.toByteArray()), true, Map.of()));
        assertEquals("anthropic.claude-3-haiku-20240307-v1:0", call.requestModel());
        assertEquals("claude-3-haiku-20240307", call.responseModel());
        assertTrue(call.streaming());
        assertEquals("Hi there", call.outputMessages().get(0).content());
        assertEquals("end_turn", call.finishReason());
        assertEquals(21, call.usage().inputTokens().tokens());
        assertEquals(6, call.usage().outputTokens().tokens()); // the LAST delta, not 4 + 6
    }

    @Test
    void damagedEventStreamKeepsTheFramesBeforeTheDamageAndExceptionsAreErrors() {
        byte[] good = frame(Map.of(":event-type", "contentBlockDelta", ":message-type", "event"),
                "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"par\"}}");
        byte[] exception = frame(Map.of(":exception-type", "throttlingException", ":message-type", "exception"),
                "{\"message\":\"Too many requests\"}");
        byte[] damaged = frame(Map.of(":event-type", "contentBlockDelta", ":message-type", "event"),
                "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"tial\"}}");
        damaged[damaged.length - 1] ^= 0x55; // breaks the message CRC
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(good);
        stream.writeBytes(exception);
        stream.writeBytes(damaged);
        CallRecordBuilder call = parser.parse(exchange(null, "https://bedrock-runtime.us-east-1.amazonaws.com/model/"
                + "amazon.nova-lite-v1%3A0/converse-stream", Map.of(), "{\"messages\":[]}", 200,
                Map.of("content-type", "application/vnd.amazon.eventstream"),
                Base64.getEncoder().encodeToString(stream.toByteArray()), true, Map.of()));
        assertEquals("par", call.outputMessages().get(0).content());
        assertEquals(CallStatus.ERROR, call.status());
        assertEquals("throttlingException", call.errorType());
    }

    /** Builds one AWS event-stream frame (string headers only), CRCs included, as the AWS specification lays out. */
    private static byte[] frame(Map<String, String> headers, String payload) {
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            headerBytes.write(n.length);
            headerBytes.writeBytes(n);
            headerBytes.write(7); // string
            headerBytes.write(v.length >> 8);
            headerBytes.write(v.length & 0xFF);
            headerBytes.writeBytes(v);
        });
        byte[] h = headerBytes.toByteArray();
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        int total = 12 + h.length + p.length + 4;
        ByteBuffer buffer = ByteBuffer.allocate(total);
        buffer.putInt(total).putInt(h.length);
        buffer.putInt((int) crc(buffer.array(), 8));
        buffer.put(h).put(p);
        buffer.putInt((int) crc(buffer.array(), total - 4));
        return buffer.array();
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
