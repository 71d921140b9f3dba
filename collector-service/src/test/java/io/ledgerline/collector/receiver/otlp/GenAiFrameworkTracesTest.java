package io.ledgerline.collector.receiver.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real traces of agent frameworks (Langfuse exports, see otlp/SOURCES.md) turned back into OTLP/JSON: only the model
 * calls become calls, with the values the frameworks recorded. Expected values are read from the trace files.
 */
class GenAiFrameworkTracesTest {
    private final OtlpDecoder decoder = new OtlpDecoder(OtlpJson.MAPPER);
    private final GenAiSpanMapper mapper = new GenAiSpanMapper(OtlpJson.MAPPER);

    @Test
    void koogOpenLlmetryStyleMessages() {
        Map<String, CallRecordBuilder> calls = calls("koog-2025-08-26.trace.json");

        // 11 observations: 2 GENERATIONs; agent (create_agent, invoke_agent), node and tool spans are not calls
        assertEquals(List.of("042f9350c3729147", "e44e72cf2d221781"), calls.keySet().stream().sorted().toList());
        CallRecordBuilder last = calls.get("e44e72cf2d221781");
        assertEquals("openai", last.provider());
        assertEquals("chat", last.operation());
        assertEquals("gpt-4o", last.requestModel());
        assertEquals("6f8d2449-33ed-4c7c-82e7-5410e34ee4e6", last.sessionId());
        assertEquals(List.of("system", "user", "tool", "tool", "tool", "tool"),
                last.inputMessages().stream().map(ChatMessage::role).toList());
        assertEquals("You are a nice and polite assistant.", last.inputMessages().get(0).content());
        assertEquals("Bye my dear Bob!", last.inputMessages().get(5).content());
        assertEquals(List.of(ChatMessage.of("assistant", "Hello my darling Bob! And, bye my dear Bob!")),
                last.outputMessages());
        assertEquals("stop", last.finishReason());
        // 19:41:03.041 → 19:41:04.983
        assertEquals(1942L, last.latencyMs());
        assertNull(last.usage(), "Koog reports no token usage on its spans");

        CallRecordBuilder first = calls.get("042f9350c3729147");
        assertEquals("tool_calls", first.finishReason());
        assertEquals(2, first.outputMessages().size());
    }

    @Test
    void crewAiOpenInferenceAttributes() {
        Map<String, CallRecordBuilder> calls = calls("crewai-2025-07-11.trace.json");

        assertEquals(List.of("231c43964b7e7e63"), List.copyOf(calls.keySet()));
        CallRecordBuilder call = calls.get("231c43964b7e7e63");
        assertEquals("chat", call.operation());
        assertEquals("gpt-4o-mini", call.requestModel());
        assertEquals("unknown", call.provider(), "the LiteLLM span names no provider and no host");
        // prompt 190 (cache_read 0), completion 164 (reasoning 0)
        assertEquals(new Usage(TokenBucket.reported(190), TokenBucket.reported(0), null, TokenBucket.reported(164),
                TokenBucket.reported(0), null, null, null), call.usage());
        assertEquals(List.of("system", "user"), call.inputMessages().stream().map(ChatMessage::role).toList());
        assertTrue(call.inputMessages().get(0).content().startsWith("You are Software developer."));
        assertTrue(call.outputMessages().get(0).content().startsWith("I now can give a great answer"));
    }

    @Test
    void googleAdkSessionUserAndProviderBehindAFrameworkName() {
        Map<String, CallRecordBuilder> calls = calls("google-adk-2025-08-28.trace.json");

        // 2 LLM spans; the invocation (CHAIN), agent_run (AGENT) and execute_tool spans are not calls
        assertEquals(List.of("bded677884f031ce", "f6e4c65297e40c96"), calls.keySet().stream().sorted().toList());
        CallRecordBuilder call = calls.get("bded677884f031ce");
        assertEquals("gemini", call.provider(), "gen_ai.system is gcp.vertex.agent (ADK), llm.provider is google");
        assertEquals("gemini-2.0-flash", call.requestModel());
        assertEquals("demo-user", call.endUser());
        assertEquals("demo-session", call.sessionId());
        assertEquals(TokenBucket.reported(39), call.usage().inputTokens());
        assertEquals(TokenBucket.reported(6), call.usage().outputTokens());
        assertEquals("stop", call.finishReason());
        assertEquals(TokenBucket.reported(28), calls.get("f6e4c65297e40c96").usage().inputTokens());
    }

    @Test
    void microsoftAgentFrameworkProviderNameAndResponseModel() {
        Map<String, CallRecordBuilder> calls = calls("microsoft-agent-2025-12-17.trace.json");

        assertEquals(List.of("2406e8343fd49c0e", "b0913e7cd82d72b8"), calls.keySet().stream().sorted().toList());
        CallRecordBuilder first = calls.get("2406e8343fd49c0e");
        assertEquals("openai", first.provider());
        assertEquals("gpt-5-mini", first.requestModel());
        assertEquals("gpt-5-mini-2025-08-07", first.responseModel());
        assertEquals("4cd6caa32861956a", first.parentSpanId());
        assertEquals(TokenBucket.reported(77), first.usage().inputTokens());
        assertEquals(TokenBucket.reported(86), first.usage().outputTokens());
        assertEquals("resp_0e32bda5b6259ecd00694279e271348194a818447145cd1763",
                calls.get("b0913e7cd82d72b8").sessionId());
    }

    private Map<String, CallRecordBuilder> calls(String traceFile) {
        OtlpBatch batch = decoder.fromJson(LangfuseTraces.toOtlpJson(traceFile));
        assertEquals(List.of(), batch.rejections());
        return batch.spans().stream()
                .map(mapper::toCall)
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(CallRecordBuilder::spanId, Function.identity()));
    }
}
