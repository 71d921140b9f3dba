package io.ledgerline.collector.processor.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.collector.processor.RecordedCalls;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.Usage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every recorded exchange in data/recorded-calls parses, and the reported figures of several providers come out as
 * the recorded bodies say (values read from the files; see the comment at each assertion).
 */
class RecordedExchangesTest {
    private final ExchangeParser parser = new ExchangeParser();

    static List<RecordedCalls.Interaction> allRecorded() {
        return RecordedCalls.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRecorded")
    void everyRecordedExchangeParses(RecordedCalls.Interaction interaction) {
        int status = interaction.json().path("response").path("status").asInt();
        CallRecordBuilder call = parser.parse(RecordedCalls.toExchange(interaction));
        assertNotNull(call.provider());
        assertNotNull(call.operation());
        assertEquals(status, call.httpStatus());
        assertEquals(1500L, call.latencyMs());
        if (status >= 400) {
            assertEquals(CallStatus.ERROR, call.status());
            assertNotNull(call.errorType());
        }
    }

    private CallRecordBuilder parse(String file, int index) {
        return parser.parse(RecordedCalls.exchange(file, index));
    }

    @Test
    void anthropicStreamTakesInputFromMessageStartAndOutputFromLastMessageDelta() {
        // message_start usage: input 43, cache creation 0, cache read 0; last message_delta output_tokens 282
        CallRecordBuilder call = parse(
                "pydantic-ai/anthropic/pydantic-ai__test_anthropic__test_anthropic_model_thinking_part_stream.decoded.json",
                0);
        assertEquals("anthropic", call.provider());
        assertTrue(call.streaming());
        assertEquals("claude-sonnet-4-0", call.requestModel());
        assertEquals("claude-sonnet-4-20250514", call.responseModel());
        assertEquals("end_turn", call.finishReason());
        Usage u = call.usage();
        assertEquals(43, u.inputTokens().tokens());
        assertEquals(0, u.cacheReadTokens().tokens());
        assertEquals(0, u.cacheWriteTokens().tokens());
        assertEquals(282, u.outputTokens().tokens());
        assertFalse(call.outputMessages().get(0).content().isBlank());
    }

    @Test
    void anthropicStreamWhoseDeltaCarriesOnlyOutput() {
        // message_start input_tokens 17; the final message_delta has only output_tokens 20
        Usage u = parse("openllmetry/anthropic/"
                + "anthropic__test_messages__test_async_anthropic_beta_message_stream_manager_legacy.decoded.json", 0)
                .usage();
        assertEquals(17, u.inputTokens().tokens());
        assertEquals(20, u.outputTokens().tokens());
    }

    @Test
    void bedrockConverseStreamIsDecodedFromBinaryEventStream() {
        // last frame (metadata): usage inputTokens 236, outputTokens 58; messageStop stopReason tool_use;
        // contentBlockStart toolUse get_weather / tooluse_yypYDr71TwCwByoyao4-Vg
        CallRecordBuilder call = parse("openllmetry/bedrock/"
                + "bedrock__traces__test_anthropic__test_anthropic_converse_stream_with_tool_use.decoded.json", 0);
        assertEquals("bedrock", call.provider());
        assertEquals("chat", call.operation());
        assertEquals("anthropic.claude-3-sonnet-20240229-v1:0", call.requestModel()); // %3A decoded
        assertTrue(call.streaming());
        assertEquals("tool_use", call.finishReason());
        assertEquals(236, call.usage().inputTokens().tokens());
        assertEquals(58, call.usage().outputTokens().tokens());
        ChatMessage out = call.outputMessages().get(0);
        assertTrue(out.content().startsWith("Okay, let me check the weather for Barcelona"));
        assertEquals("get_weather", out.toolCalls().get(0).name());
        assertEquals("tooluse_yypYDr71TwCwByoyao4-Vg", out.toolCalls().get(0).id());
        assertTrue(out.toolCalls().get(0).arguments().endsWith("lona\"}"));
    }

    @Test
    void bedrockConverseCacheBuckets() {
        // usage: inputTokens 2, cacheWriteInputTokens 1322, cacheReadInputTokens 0, outputTokens 5 (total 1329)
        Usage u = parse("pydantic-ai/bedrock/pydantic-ai__test_bedrock__test_bedrock_cache_write_and_read.decoded.json",
                0).usage();
        assertEquals(2, u.inputTokens().tokens());
        assertEquals(1322, u.cacheWriteTokens().tokens());
        assertEquals(0, u.cacheReadTokens().tokens());
        assertEquals(5, u.outputTokens().tokens());
        assertEquals(1329, u.totalTokens());
    }

    @Test
    void bedrockInvokeWithoutUsageInTheBodyUsesTheResponseHeaders() {
        // Cohere Command on Bedrock: x-amzn-bedrock-input-token-count 9, x-amzn-bedrock-output-token-count 112
        CallRecordBuilder call = parse("openllmetry/bedrock/bedrock__traces__test_cohere__test_cohere_completion.decoded.json", 0);
        assertEquals("cohere.command-text-v14", call.requestModel());
        assertEquals(9, call.usage().inputTokens().tokens());
        assertEquals(112, call.usage().outputTokens().tokens());
    }

    @Test
    void geminiThoughtsAreReasoning() {
        // usageMetadata: promptTokenCount 5, candidatesTokenCount 877, thoughtsTokenCount 1058, total 1940
        CallRecordBuilder call = parse("openllmetry/google-generativeai/"
                + "google-generativeai__test_generate_content__test_client_spans.decoded.json", 0);
        assertEquals("gemini", call.provider());
        assertEquals("gemini-2.5-flash", call.requestModel());
        assertEquals("gemini-2.5-flash", call.responseModel());
        assertEquals("stop", call.finishReason());
        Usage u = call.usage();
        assertEquals(5, u.inputTokens().tokens());
        assertEquals(877, u.outputTokens().tokens());
        assertEquals(1058, u.reasoningTokens().tokens());
        assertEquals(1940, u.totalTokens());
    }

    @Test
    void geminiCachedContentIsInsidePromptTokenCount() {
        // usageMetadata: promptTokenCount 3520, cachedContentTokenCount 3512, candidatesTokenCount 2, thoughts 42
        Usage u = parse("pydantic-ai/cache/pydantic-ai__test_cache__test_google_model_cached_content.decoded.json", 1)
                .usage();
        assertEquals(8, u.inputTokens().tokens());
        assertEquals(3512, u.cacheReadTokens().tokens());
        assertEquals(2, u.outputTokens().tokens());
        assertEquals(42, u.reasoningTokens().tokens());
    }

    @Test
    void openAiResponsesStreamTakesUsageFromResponseCompleted() {
        // response.completed usage: input_tokens 53 (cached 0), output_tokens 469 (reasoning 448)
        CallRecordBuilder call = parse("pydantic-ai/openai_responses/"
                + "pydantic-ai__test_openai_responses__test_openai_responses_streaming_usage.decoded.json", 0);
        assertEquals("openai", call.provider());
        assertEquals("responses", call.operation());
        assertEquals("gpt-5-2025-08-07", call.responseModel());
        assertTrue(call.streaming());
        Usage u = call.usage();
        assertEquals(53, u.inputTokens().tokens());
        assertEquals(0, u.cacheReadTokens().tokens());
        assertEquals(21, u.outputTokens().tokens());
        assertEquals(448, u.reasoningTokens().tokens());
        assertEquals("final_result", call.outputMessages().get(0).toolCalls().get(0).name());
    }

    @Test
    void openAiResponsesStreamedTextIsAssembled() {
        // response.completed usage: input_tokens 18, output_tokens 80, reasoning 0
        CallRecordBuilder call = parse(
                "openllmetry/openai/openai__traces__test_responses__test_responses_streaming.decoded.json", 1);
        assertEquals(18, call.usage().inputTokens().tokens());
        assertEquals(80, call.usage().outputTokens().tokens());
        assertEquals("completed", call.finishReason());
        assertFalse(call.outputMessages().get(0).content().isBlank());
        assertEquals("Tell me a three sentence bedtime story about a unicorn.", call.inputMessages().get(0).content());
    }

    @Test
    void azureRequestNamesTheDeploymentAndTheResponseNamesTheModel() {
        // URL .../openai/deployments/openllmetry-testing/...; body model gpt-4.1-mini-2025-04-14;
        // usage prompt_tokens 16, completion_tokens 22, cached 0, reasoning 0
        CallRecordBuilder call = parse("openllmetry/openai/openai__traces__test_azure__test_chat.decoded.json", 1);
        assertEquals("azure_openai", call.provider());
        assertEquals("chat", call.operation());
        assertEquals("openllmetry-testing", call.requestModel());
        assertEquals("gpt-4.1-mini-2025-04-14", call.responseModel());
        assertEquals(16, call.usage().inputTokens().tokens());
        assertEquals(22, call.usage().outputTokens().tokens());
        assertEquals("stop", call.finishReason());
    }

    @Test
    void azureStreamWithoutUsageReportsNone() {
        CallRecordBuilder call = parse(
                "openllmetry/openai/openai__traces__test_azure__test_chat_streaming.decoded.json", 1);
        assertTrue(call.streaming());
        assertEquals("gpt-4.1-mini-2025-04-14", call.responseModel()); // the first chunk's model is ""
        assertNull(call.usage());
        assertEquals("stop", call.finishReason());
    }

    @Test
    void azurePromptFilterIsAnErrorEvenUnderStatus200() {
        // body: {"error": {"code": "content_filter", "type": null, "status": 400, ...}} with HTTP 200
        CallRecordBuilder call = parse(
                "openllmetry/openai/openai__traces__test_azure__test_prompt_content_filtering.decoded.json", 0);
        assertEquals(CallStatus.ERROR, call.status());
        assertEquals("content_filter", call.errorType());
    }

    @Test
    void openAiReasoningTokensAreMovedOutOfOutput() {
        // gpt-5: prompt_tokens 8, completion_tokens 82, reasoning_tokens 64
        Usage u = parse("openllmetry/openai/openai__traces__test_chat__test_chat_with_service_tier.decoded.json", 0)
                .usage();
        assertEquals(8, u.inputTokens().tokens());
        assertEquals(18, u.outputTokens().tokens());
        assertEquals(64, u.reasoningTokens().tokens());
    }

    @Test
    void openAiCachedPromptTokens() {
        // prompt_tokens 1149, cached_tokens 1024, completion_tokens 353
        Usage u = parse("openllmetry/openai/openai__traces__test_prompt_caching__test_openai_prompt_caching.decoded.json",
                1).usage();
        assertEquals(125, u.inputTokens().tokens());
        assertEquals(1024, u.cacheReadTokens().tokens());
        assertEquals(353, u.outputTokens().tokens());
    }

    @Test
    void openAiCompatibleStreamsKeepTheirFinalUsage() {
        // DeepSeek stream, last chunk usage: prompt_tokens 12, completion_tokens 89 (no include_usage needed)
        CallRecordBuilder call = parse("openllmetry/openai/"
                + "openai__traces__test_streaming_with_api_usage__test_streaming_with_api_usage_capture.decoded.json", 0);
        assertEquals("deepseek", call.provider());
        assertEquals(12, call.usage().inputTokens().tokens());
        assertEquals(89, call.usage().outputTokens().tokens());
    }

    @Test
    void streamedToolCallsAreAssembledByIndex() {
        CallRecordBuilder call = parse("openllmetry/openai/"
                + "openai__traces__test_functions__test_open_ai_function_calls_tools_streaming_parallel.decoded.json", 1);
        assertEquals("tool_calls", call.finishReason());
        List<ChatMessage.ToolCall> calls = call.outputMessages().get(0).toolCalls();
        assertEquals(2, calls.size()); // San Francisco and Boston
        assertTrue(calls.get(0).arguments().contains("San Francisco"));
        assertTrue(calls.get(1).arguments().contains("Boston"));
    }

    @Test
    void ndjsonStreamsAreRead() {
        // Ollama stream, final object: done_reason stop, prompt_eval_count 17, eval_count 50
        CallRecordBuilder call = parse("openllmetry/ollama/ollama__test_chat__test_ollama_streaming_chat_legacy.decoded.json", 0);
        assertEquals("ollama", call.provider());
        assertEquals("stop", call.finishReason());
        assertEquals(17, call.usage().inputTokens().tokens());
        assertEquals(50, call.usage().outputTokens().tokens());
        // Cohere v1 stream-end: billed_units input 7, output 115
        Usage cohere = parse("openllmetry/cohere/cohere__test_chat__test_cohere_chat_legacy_with_streaming.decoded.json", 0)
                .usage();
        assertEquals(7, cohere.inputTokens().tokens());
        assertEquals(115, cohere.outputTokens().tokens());
    }

    @Test
    void errorTypesComeFromTheErrorBody() {
        assertEquals("not_found_error", parse("pydantic-ai/model_name_suggestions/"
                + "pydantic-ai__test_model_name_suggestions__test_model_name_suggestion_anthropic.decoded.json", 0)
                .errorType());
        assertEquals("invalid_request_error", parse(
                "pydantic-ai/openai/pydantic-ai__test_openai__test_openai_o1_mini_system_role_system.decoded.json", 0)
                .errorType());
        // OpenRouter's error has only a numeric code: the HTTP status names it
        assertEquals("http_429", parse(
                "pydantic-ai/openrouter/pydantic-ai__test_openrouter__test_openrouter_errors_raised.decoded.json", 0)
                .errorType());
    }

    @Test
    void traceparentHeaderGivesTraceAndParentSpan() {
        // request header traceparent: 00-ed486a681e8ed57d8deaf5709bbf14d6-c9e0a1d5d4a0ca82-01
        CallRecordBuilder call = parse("openllmetry/openai/openai__traces__test_chat__test_chat_streaming.decoded.json", 0);
        assertEquals("ed486a681e8ed57d8deaf5709bbf14d6", call.traceId());
        assertEquals("c9e0a1d5d4a0ca82", call.parentSpanId());
        assertNull(call.spanId());
    }
}
