package io.ledgerline.collector.receiver.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.ChatMessage.ToolCall;
import io.ledgerline.contracts.Source;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenAiSpanMapperTest {
    private static final String TRACE = "5b8efff798038103d269b633813fc60c";
    private static final String SPAN = "eee19b7ec3c1b174";

    private final OtlpDecoder decoder = new OtlpDecoder(OtlpJson.MAPPER);
    private final GenAiSpanMapper mapper = new GenAiSpanMapper(OtlpJson.MAPPER);

    @Test
    void inputTokensAsStringOrNumberIntValue() {
        String body = """
                {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"%s","spanId":"%s","name":"chat",
                 "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                               {"key":"gen_ai.usage.input_tokens","value":{"intValue":"25"}}]}]}]}]}
                """.formatted(TRACE, SPAN);

        for (String variant : List.of(body, body.replace("\"25\"", "25"))) {
            CallRecordBuilder call = mapper.toCall(decoder.fromJson(variant).spans().get(0)).orElseThrow();
            assertEquals(TokenBucket.reported(25), call.usage().inputTokens());
            assertNull(call.usage().outputTokens());
        }
    }

    @Test
    void wrongTypedUsageRejectsThatSpanWhileTheOthersOfTheRequestMap() {
        ObjectNode good = OtlpJson.span(TRACE, "0000000000000001", "chat ok", Map.of(
                "gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", 10, "gen_ai.usage.output_tokens", 5));
        ObjectNode text = OtlpJson.span(TRACE, "0000000000000002", "chat text", Map.of(
                "gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", "many"));
        ObjectNode bool = OtlpJson.span(TRACE, "0000000000000003", "chat bool", Map.of(
                "gen_ai.operation.name", "chat", "gen_ai.usage.output_tokens", true));
        ObjectNode alsoGood = OtlpJson.span(TRACE, "0000000000000004", "chat ok too", Map.of(
                "gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", "12"));

        List<OtlpSpan> spans = decoder.fromJson(OtlpJson.request(good, text, bool, alsoGood)).spans();

        assertEquals(4, spans.size());
        assertEquals(TokenBucket.reported(10), mapper.toCall(spans.get(0)).orElseThrow().usage().inputTokens());
        SpanRejectedException textError = assertThrows(SpanRejectedException.class, () -> mapper.toCall(spans.get(1)));
        assertEquals("attribute 'gen_ai.usage.input_tokens' must be a non-negative integer, got the string \"many\"",
                textError.reason());
        SpanRejectedException boolError = assertThrows(SpanRejectedException.class, () -> mapper.toCall(spans.get(2)));
        assertEquals("attribute 'gen_ai.usage.output_tokens' must be a non-negative integer, got the boolean true",
                boolError.reason());
        assertEquals(TokenBucket.reported(12), mapper.toCall(spans.get(3)).orElseThrow().usage().inputTokens());
    }

    @Test
    void negativeOrFractionalTokenCountsAreRejected() {
        assertEquals("attribute 'gen_ai.usage.input_tokens' must be a non-negative integer, got long -3",
                assertThrows(SpanRejectedException.class, () -> call(Map.of("gen_ai.operation.name", "chat",
                        "gen_ai.usage.input_tokens", -3))).reason());
        assertEquals("attribute 'llm.token_count.prompt' must be a non-negative integer, got double 2.5",
                assertThrows(SpanRejectedException.class, () -> call(Map.of("openinference.span.kind", "LLM",
                        "llm.token_count.prompt", 2.5))).reason());
    }

    @Test
    void aTokenCountAboveThePlausibilityBoundIsRejected() {
        assertEquals("attribute 'gen_ai.usage.output_tokens' is 9000000000000000, more than the 100000000 tokens a "
                + "single call can plausibly use", assertThrows(SpanRejectedException.class, () -> call(Map.of(
                        "gen_ai.operation.name", "chat", "gen_ai.usage.output_tokens", 9_000_000_000_000_000L)))
                .reason());
        assertEquals(TokenBucket.reported(100_000_000), call(Map.of("gen_ai.operation.name", "chat",
                "gen_ai.usage.input_tokens", 100_000_000)).usage().inputTokens());
    }

    @Test
    void spansThatAreNotLlmCallsGiveNothing() {
        assertEquals(Optional.empty(), map(Map.of("http.request.method", "POST", "url.path", "/ask")));
        assertEquals(Optional.empty(), map(Map.of("gen_ai.operation.name", "invoke_agent",
                "gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", 500)));
        assertEquals(Optional.empty(), map(Map.of("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "x")));
        assertEquals(Optional.empty(), map(Map.of("openinference.span.kind", "CHAIN", "llm.token_count.prompt", 9)));
        assertEquals(Optional.empty(), map(Map.of("traceloop.span.kind", "workflow",
                "traceloop.workflow.name", "RunnableSequence")));
    }

    @Test
    void idsTimingAndSourceComeFromTheSpan() {
        ObjectNode span = OtlpJson.span(TRACE, SPAN, "chat", Map.of("gen_ai.operation.name", "chat"));
        span.put("parentSpanId", "00f067aa0ba902b7");

        CallRecordBuilder call = mapper.toCall(decoder.fromJson(OtlpJson.request(span)).spans().get(0)).orElseThrow();

        assertEquals(Source.OTLP, call.source());
        assertEquals(TRACE, call.traceId());
        assertEquals(SPAN, call.spanId());
        assertEquals("00f067aa0ba902b7", call.parentSpanId());
        // OtlpJson spans run from …242830926000 to …244009197000 ns: 1178.271 ms
        assertEquals(Instant.parse("2025-05-15T17:30:42.830926Z"), call.startTime());
        assertEquals(Instant.parse("2025-05-15T17:30:44.009197Z"), call.endTime());
        assertEquals(1178L, call.latencyMs());
        assertEquals(CallStatus.OK, call.status());
        assertNull(call.usage());
        assertEquals(List.of(), call.inputMessages());
    }

    @Test
    void cacheTokensAreSubtractedFromInclusiveInput() {
        Usage usage = call(Map.of("gen_ai.operation.name", "chat",
                "gen_ai.usage.input_tokens", 100, "gen_ai.usage.cache_read.input_tokens", 80)).usage();

        assertEquals(TokenBucket.reported(20), usage.inputTokens());
        assertEquals(TokenBucket.reported(80), usage.cacheReadTokens());
        assertNull(usage.cacheWriteTokens());
        assertNull(usage.note());
    }

    @Test
    void cacheWritesAndReasoningAreSubtractedToo() {
        Usage usage = call(Map.of("gen_ai.provider.name", "anthropic", "gen_ai.operation.name", "chat",
                "gen_ai.usage.input_tokens", 100, "gen_ai.usage.cache_read.input_tokens", 30,
                "gen_ai.usage.cache_creation.input_tokens", 20, "gen_ai.usage.output_tokens", 50,
                "gen_ai.usage.reasoning.output_tokens", 20)).usage();

        // 100 - 30 - 20 = 50 uncached input; 50 - 20 = 30 visible output
        assertEquals(new Usage(TokenBucket.reported(50), TokenBucket.reported(30), TokenBucket.reported(20),
                TokenBucket.reported(30), TokenBucket.reported(20), null, null, null), usage);
        assertEquals(150, usage.totalTokens());
    }

    @Test
    void olderAndOpenLlmetryUsageNames() {
        Usage usage = call(Map.of("gen_ai.system", "openai", "llm.request.type", "chat",
                "gen_ai.usage.prompt_tokens", 39, "gen_ai.usage.completion_tokens", 7,
                "gen_ai.usage.cache_read_input_tokens", 9, "gen_ai.usage.cache_creation_input_tokens", 4,
                "gen_ai.usage.reasoning_tokens", 2)).usage();

        // 39 - 9 - 4 = 26; 7 - 2 = 5
        assertEquals(new Usage(TokenBucket.reported(26), TokenBucket.reported(9), TokenBucket.reported(4),
                TokenBucket.reported(5), TokenBucket.reported(2), null, null, null), usage);
    }

    @Test
    void inputSmallerThanItsCacheTokensNeverGoesNegative() {
        Usage usage = call(Map.of("gen_ai.operation.name", "chat",
                "gen_ai.usage.input_tokens", 10, "gen_ai.usage.cache_read.input_tokens", 15)).usage();

        assertEquals(TokenBucket.reported(0), usage.inputTokens());
        assertEquals(TokenBucket.reported(15), usage.cacheReadTokens());
        assertEquals("reported input tokens (10) are fewer than the cache tokens; uncached input set to 0.",
                usage.note());
    }

    @ParameterizedTest
    @CsvSource({
            "gen_ai.provider.name, openai, openai",
            "gen_ai.provider.name, aws.bedrock, bedrock",
            "gen_ai.provider.name, azure.ai.openai, azure_openai",
            "gen_ai.system, az.ai.openai, azure_openai",
            "gen_ai.provider.name, gcp.vertex_ai, vertex_ai",
            "gen_ai.system, vertex_ai, vertex_ai",
            "gen_ai.provider.name, gcp.gemini, gemini",
            "gen_ai.provider.name, gcp.gen_ai, gemini",
            "gen_ai.system, google-gla, gemini",
            "gen_ai.provider.name, mistral_ai, mistral",
            "gen_ai.provider.name, x_ai, xai",
            "gen_ai.system, Anthropic, anthropic",
            "llm.provider, mistralai, mistral",
            "llm.system, vertexai, vertex_ai",
            "gen_ai.system, Langchain, unknown",
            "gen_ai.system, some_new_vendor, some_new_vendor"})
    void providerNamesAreNormalised(String key, String value, String provider) {
        assertEquals(provider, call(Map.of("gen_ai.operation.name", "chat", key, value)).provider());
    }

    @Test
    void providerFallsBackFromAFrameworkNameToTheServerHost() {
        assertEquals("openai", call(Map.of("gen_ai.system", "Langchain", "llm.request.type", "chat",
                "server.address", "api.openai.com")).provider());
        assertEquals("vertex_ai", call(Map.of("gen_ai.provider.name", "gcp.gen_ai", "gen_ai.operation.name", "chat",
                "server.address", "us-central1-aiplatform.googleapis.com")).provider());
        assertEquals("bedrock", call(Map.of("gen_ai.request.model", "anthropic.claude-3-haiku",
                "server.address", "bedrock-runtime.us-east-1.amazonaws.com")).provider());
        assertEquals("unknown", call(Map.of("gen_ai.request.model", "m")).provider());
    }

    @ParameterizedTest
    @CsvSource({
            "gen_ai.operation.name, chat, chat",
            "gen_ai.operation.name, text_completion, completion",
            "gen_ai.operation.name, embeddings, embeddings",
            "gen_ai.operation.name, generate_content, chat",
            "llm.request.type, completion, completion",
            "llm.request.type, embedding, embeddings",
            "openinference.span.kind, LLM, chat",
            "openinference.span.kind, EMBEDDING, embeddings",
            "openinference.span.kind, RERANKER, rerank"})
    void operationsAreNamedAsLedgerlineNamesThem(String key, String value, String operation) {
        assertEquals(operation, call(Map.of(key, value)).operation());
    }

    @Test
    void modelsFinishReasonAndStreaming() {
        CallRecordBuilder call = call(Map.of("gen_ai.operation.name", "chat", "gen_ai.system", "openai",
                "gen_ai.request.model", "gpt-3.5-turbo", "gen_ai.response.model", "gpt-3.5-turbo-0125",
                "gen_ai.response.finish_reasons", List.of("length", "stop"),
                "gen_ai.server.time_to_first_token", 1.172328233718872, "gen_ai.request.stream", true));

        assertEquals("gpt-3.5-turbo", call.requestModel());
        assertEquals("gpt-3.5-turbo-0125", call.responseModel());
        assertEquals("length", call.finishReason());
        assertEquals(1172L, call.timeToFirstTokenMs());
        assertTrue(call.streaming());
    }

    @Test
    void finishReasonsFlattenedToJsonTextAndStreamingFlagsOfOtherInstrumentations() {
        CallRecordBuilder adkStyle = call(Map.of("gen_ai.request.model", "gemini-2.0-flash",
                "gen_ai.response.finish_reasons", "[\"stop\"]", "gen_ai.request.is_stream", false));
        assertEquals("stop", adkStyle.finishReason());
        assertFalse(adkStyle.streaming());

        CallRecordBuilder openLlmetry = call(Map.of("llm.request.type", "chat", "llm.is_streaming", "true",
                "gen_ai.response.time_to_first_chunk", 0.25));
        assertTrue(openLlmetry.streaming());
        assertEquals(250L, openLlmetry.timeToFirstTokenMs());

        assertEquals("attribute 'gen_ai.request.stream' must be a boolean, got the string \"yes\"",
                assertThrows(SpanRejectedException.class, () -> call(Map.of("gen_ai.operation.name", "chat",
                        "gen_ai.request.stream", "yes"))).reason());
    }

    @Test
    void errorStatusTakesItsTypeFromErrorTypeOrTheExceptionEvent() {
        ObjectNode withErrorType = OtlpJson.span(TRACE, SPAN, "chat", Map.of("gen_ai.operation.name", "chat",
                "error.type", "RateLimitError", "http.response.status_code", 429));
        withErrorType.putObject("status").put("code", "STATUS_CODE_ERROR").put("message", "Rate limit reached");
        ObjectNode withException = OtlpJson.span(TRACE, SPAN, "chat", Map.of("gen_ai.operation.name", "chat"));
        withException.putObject("status").put("code", 2);
        withException.putArray("events").addObject().put("name", "exception")
                .set("attributes", OtlpJson.attributes(Map.of("exception.type", "openai.APITimeoutError")));

        List<OtlpSpan> spans = decoder.fromJson(OtlpJson.request(withErrorType, withException)).spans();
        CallRecordBuilder first = mapper.toCall(spans.get(0)).orElseThrow();
        CallRecordBuilder second = mapper.toCall(spans.get(1)).orElseThrow();

        assertEquals(CallStatus.ERROR, first.status());
        assertEquals("RateLimitError", first.errorType());
        assertEquals(429, first.httpStatus());
        assertEquals(CallStatus.ERROR, second.status());
        assertEquals("openai.APITimeoutError", second.errorType());
    }

    @Test
    void traceloopAssociationPropertiesGiveUserSessionWorkflowAndTags() {
        CallRecordBuilder call = call(Map.of("llm.request.type", "chat",
                "traceloop.association.properties.user_id", "u-17",
                "traceloop.association.properties.session_id", "s-9",
                "traceloop.association.properties.workflow", "checkout",
                "traceloop.association.properties.tenant_tier", "gold",
                "traceloop.association.properties.experiment", 4,
                "traceloop.workflow.name", "RunnableSequence",
                "gen_ai.conversation.id", "conv-1"));

        assertEquals("u-17", call.endUser());
        assertEquals("s-9", call.sessionId());
        assertEquals("checkout", call.workflow());
        assertEquals(Map.of("tenant_tier", "gold", "experiment", "4"), call.tags());
    }

    @Test
    void contextFallsBackToOtherWellKnownAttributes() {
        CallRecordBuilder camel = call(Map.of("llm.request.type", "chat",
                "traceloop.association.properties.userId", "u-2",
                "traceloop.association.properties.sessionId", "s-2"));
        assertEquals("u-2", camel.endUser());
        assertEquals("s-2", camel.sessionId());

        CallRecordBuilder plain = call(Map.of("llm.request.type", "chat", "user.id", "u-3",
                "gen_ai.conversation.id", "conv-3", "traceloop.workflow.name", "RunnableSequence"));
        assertEquals("u-3", plain.endUser());
        assertEquals("conv-3", plain.sessionId());
        assertEquals("RunnableSequence", plain.workflow());
        assertEquals(Map.of(), plain.tags());

        assertEquals("sess-4", call(Map.of("llm.request.type", "chat", "session.id", "sess-4",
                "gen_ai.conversation.id", "conv-4")).sessionId());
    }

    @Test
    void openLlmetryFlattenedPromptsCompletionsAndToolCalls() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.system", "openai");
        attributes.put("llm.request.type", "chat");
        attributes.put("gen_ai.prompt.0.role", "system");
        attributes.put("gen_ai.prompt.0.content", "You are terse.");
        attributes.put("gen_ai.prompt.1.role", "user");
        attributes.put("gen_ai.prompt.1.content", "Weather in Paris?");
        attributes.put("gen_ai.completion.0.role", "assistant");
        attributes.put("gen_ai.completion.0.finish_reason", "tool_calls");
        attributes.put("gen_ai.completion.0.tool_calls.0.id", "call_1");
        attributes.put("gen_ai.completion.0.tool_calls.0.name", "get_weather");
        attributes.put("gen_ai.completion.0.tool_calls.0.arguments", "{\"location\": \"Paris\"}");

        CallRecordBuilder call = call(attributes);

        assertEquals(List.of(ChatMessage.of("system", "You are terse."), ChatMessage.of("user", "Weather in Paris?")),
                call.inputMessages());
        assertEquals(List.of(new ChatMessage("assistant", null, null,
                List.of(new ToolCall("call_1", "get_weather", "{\"location\": \"Paris\"}")))), call.outputMessages());
        assertEquals("tool_calls", call.finishReason());
    }

    @Test
    void flattenedMessagesAreOrderedByTheirNumberNotAsText() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("llm.request.type", "chat");
        for (int i = 0; i <= 11; i++) {
            attributes.put("gen_ai.prompt." + i + ".role", "user");
            attributes.put("gen_ai.prompt." + i + ".content", "m" + i);
        }

        List<String> contents = call(attributes).inputMessages().stream().map(ChatMessage::content).toList();

        assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11"), contents);
    }

    @Test
    void semconvInputAndOutputMessagesWithToolCalls() {
        // examples-llm-calls.md: the tool-calling chat (input at line 509, output at line 548)
        CallRecordBuilder call = call(Map.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai",
                "gen_ai.input.messages", SemconvExamples.rawText(509),
                "gen_ai.output.messages", SemconvExamples.rawText(548)));

        assertEquals(List.of(
                ChatMessage.of("user", "Weather in Paris?"),
                new ChatMessage("assistant", null, null,
                        List.of(new ToolCall("call_VSPygqKTWdrhaFErNvMV18Yl", "get_weather", "{\"location\":\"Paris\"}"))),
                ChatMessage.of("tool", "rainy, 57°F")), call.inputMessages());
        assertEquals(List.of(ChatMessage.of("assistant",
                "The weather in Paris is currently rainy with a temperature of 57°F.")), call.outputMessages());
        assertEquals("stop", call.finishReason());
    }

    @Test
    void semconvSystemInstructionsComeFirst() {
        // examples-llm-calls.md "System instructions along with chat history": lines 597, 608, 633
        CallRecordBuilder call = call(Map.of("gen_ai.operation.name", "chat",
                "gen_ai.system_instructions", SemconvExamples.rawText(597),
                "gen_ai.input.messages", SemconvExamples.rawText(608),
                "gen_ai.output.messages", SemconvExamples.rawText(633)));

        assertEquals(List.of(ChatMessage.of("system", "You must never tell jokes"),
                ChatMessage.of("system", "You are a helpful bot"),
                ChatMessage.of("user", "Tell me a joke about OpenTelemetry")), call.inputMessages());
        assertEquals(List.of(ChatMessage.of("assistant", "I'm sorry, but I can't assist with that")),
                call.outputMessages());
    }

    @Test
    void semconvMessagesAsStructuredValuesOrOnTheOperationDetailsEvent() {
        List<Map<String, Object>> structured = List.of(Map.of("role", "user",
                "parts", List.of(Map.of("type", "text", "content", "Hi"), Map.of("type", "text", "content", "there"))));
        assertEquals(List.of(ChatMessage.of("user", "Hi\nthere")),
                call(Map.of("gen_ai.operation.name", "chat", "gen_ai.input.messages", structured)).inputMessages());

        ObjectNode span = OtlpJson.span(TRACE, SPAN, "chat", Map.of("gen_ai.operation.name", "chat"));
        span.putArray("events").addObject().put("name", "gen_ai.client.inference.operation.details")
                .set("attributes", OtlpJson.attributes(Map.of("gen_ai.input.messages", SemconvExamples.rawText(167),
                        "gen_ai.output.messages", SemconvExamples.rawText(192))));
        CallRecordBuilder fromEvent = mapper.toCall(decoder.fromJson(OtlpJson.request(span)).spans().get(0)).orElseThrow();
        assertEquals(List.of(ChatMessage.of("system", "You are a helpful bot"),
                ChatMessage.of("user", "Tell me a joke about OpenTelemetry")), fromEvent.inputMessages());
        assertEquals("stop", fromEvent.finishReason());
    }

    @Test
    void semconvMessagesThatAreNotAJsonArrayRejectTheSpan() {
        SpanRejectedException e = assertThrows(SpanRejectedException.class, () -> call(Map.of(
                "gen_ai.operation.name", "chat", "gen_ai.input.messages", "{\"role\":\"user\"}")));
        assertEquals("attribute 'gen_ai.input.messages' must be a JSON array", e.reason());
    }

    @Test
    void openInferenceAttributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("openinference.span.kind", "LLM");
        attributes.put("llm.provider", "anthropic");
        attributes.put("llm.model_name", "claude-sonnet-4-5");
        attributes.put("llm.token_count.prompt", 100);
        attributes.put("llm.token_count.prompt_details.cache_read", 60);
        attributes.put("llm.token_count.prompt_details.cache_write", 10);
        attributes.put("llm.token_count.completion", 40);
        attributes.put("llm.input_messages.0.message.role", "user");
        attributes.put("llm.input_messages.0.message.contents.0.message_content.type", "text");
        attributes.put("llm.input_messages.0.message.contents.0.message_content.text", "Weather in Paris?");
        attributes.put("llm.output_messages.0.message.role", "assistant");
        attributes.put("llm.output_messages.0.message.tool_calls.0.tool_call.id", "toolu_1");
        attributes.put("llm.output_messages.0.message.tool_calls.0.tool_call.function.name", "get_weather");
        attributes.put("llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments", "{\"city\":\"Paris\"}");

        CallRecordBuilder call = call(attributes);

        assertEquals("chat", call.operation());
        assertEquals("anthropic", call.provider());
        assertEquals("claude-sonnet-4-5", call.requestModel());
        // 100 - 60 - 10 = 30
        assertEquals(new Usage(TokenBucket.reported(30), TokenBucket.reported(60), TokenBucket.reported(10),
                TokenBucket.reported(40), null, null, null, null), call.usage());
        assertEquals(List.of(ChatMessage.of("user", "Weather in Paris?")), call.inputMessages());
        assertEquals(List.of(new ChatMessage("assistant", null, null,
                List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}")))), call.outputMessages());
    }

    @Test
    void messagesFromGenAiEvents() {
        ObjectNode span = OtlpJson.span(TRACE, SPAN, "chat", Map.of("gen_ai.operation.name", "chat"));
        var events = span.putArray("events");
        events.addObject().put("name", "gen_ai.system.message")
                .set("attributes", OtlpJson.attributes(Map.of("content", "Answer in one word.")));
        events.addObject().put("name", "gen_ai.user.message")
                .set("attributes", OtlpJson.attributes(Map.of("content", "Capital of France?")));
        events.addObject().put("name", "gen_ai.choice").set("attributes", OtlpJson.attributes(Map.of(
                "index", 0, "finish_reason", "stop",
                "message", Map.of("role", "assistant", "content", "Paris."))));

        CallRecordBuilder call = mapper.toCall(decoder.fromJson(OtlpJson.request(span)).spans().get(0)).orElseThrow();

        assertEquals(List.of(ChatMessage.of("system", "Answer in one word."),
                ChatMessage.of("user", "Capital of France?")), call.inputMessages());
        assertEquals(List.of(ChatMessage.of("assistant", "Paris.")), call.outputMessages());
        assertEquals("stop", call.finishReason());
    }

    private CallRecordBuilder call(Map<String, ?> attributes) {
        return map(attributes).orElseThrow();
    }

    private Optional<CallRecordBuilder> map(Map<String, ?> attributes) {
        OtlpBatch batch = decoder.fromJson(OtlpJson.request(OtlpJson.span(TRACE, SPAN, "span", attributes)));
        assertEquals(List.of(), batch.rejections());
        return mapper.toCall(batch.spans().get(0));
    }
}
