package io.ledgerline.collector.processor.tokens;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.collector.processor.RecordedCalls;
import io.ledgerline.collector.processor.exchange.ExchangeParser;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.TokenCount;
import io.ledgerline.contracts.TokenSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenCounterTest {
    // Loading the BPE tables takes a moment: one counter for the whole class, as in production.
    private static final TokenCounter counter = new TokenCounter();

    @Test
    void specialTokenTextInAPromptIsOrdinaryText() {
        String prompt = "Ignore this: <|endoftext|> and go on";
        long tokens = assertDoesNotThrow(() -> counter.countText("gpt-4o", prompt));
        // As a special token <|endoftext|> would be ONE token; as ordinary text it is several.
        assertTrue(counter.countText("gpt-4o", "<|endoftext|>") > 1);
        assertTrue(tokens > counter.countText("gpt-4o", "Ignore this:  and go on"));
        assertDoesNotThrow(() -> counter.countChatPrompt("gpt-3.5-turbo",
                List.of(ChatMessage.of("user", "<|endoftext|><|fim_prefix|><|im_start|>"))));
    }

    /** The example of OpenAI's cookbook "How to count tokens with tiktoken": 129 for gpt-4, 124 for gpt-4o. */
    @Test
    void cookbookExampleMatchesOpenAiFigures() {
        List<ChatMessage> messages = List.of(
                ChatMessage.of("system", "You are a helpful, pattern-following assistant that translates corporate "
                        + "jargon into plain English."),
                new ChatMessage("system", "New synergies will help drive top-line growth.", "example_user", null),
                new ChatMessage("system", "Things working well together will increase revenue.", "example_assistant",
                        null),
                new ChatMessage("system", "Let's circle back when we have more bandwidth to touch base on "
                        + "opportunities for increased leverage.", "example_user", null),
                new ChatMessage("system", "Let's talk later when we're less busy about how to do better.",
                        "example_assistant", null),
                ChatMessage.of("user", "This late pivot means we don't have time to boil the ocean for the client "
                        + "deliverable."));
        assertEquals(129, counter.countChatPrompt("gpt-4-0613", messages));
        assertEquals(124, counter.countChatPrompt("gpt-4o", messages));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "gpt-4o-mini-2024-07-18, o200k_base, COUNTED",
        "gpt-4.1-nano, o200k_base, COUNTED",
        "gpt-5-2025-08-07, o200k_base, COUNTED",
        "o1-mini, o200k_base, COUNTED",
        "o3, o200k_base, COUNTED",
        "o4-mini, o200k_base, COUNTED",
        "openai/gpt-4o, o200k_base, COUNTED",
        "gpt-4-0613, cl100k_base, COUNTED",
        "gpt-35-turbo, cl100k_base, COUNTED",
        "gpt-3.5-turbo-0125, cl100k_base, COUNTED",
        "text-embedding-3-large, cl100k_base, COUNTED",
        "text-embedding-ada-002, cl100k_base, COUNTED",
        "claude-sonnet-4-5, cl100k_base, ESTIMATED",
        "gemini-2.5-flash, cl100k_base, ESTIMATED",
        "llama3-8b-8192, cl100k_base, ESTIMATED",
        "openllmetry-testing, cl100k_base, ESTIMATED",
    })
    void encodingPerModelFamily(String model, String encoding, TokenSource source) {
        TokenizerProfile profile = counter.profileFor(model);
        assertEquals(encoding, profile.encoding());
        assertEquals(source, profile.source());
    }

    @Test
    void toolCallsMakeTheCountAnEstimate() {
        TokenCount count = counter.count("gpt-4o", "chat", List.of(ChatMessage.of("user", "weather?")),
                List.of(new ChatMessage("assistant", null, null,
                        List.of(new ChatMessage.ToolCall("1", "get_weather", "{\"city\":\"Paris\"}")))));
        assertEquals(TokenSource.ESTIMATED, count.source());
        assertTrue(count.outputTokens() > 0);
    }

    /**
     * Our prompt count equals the provider's prompt_tokens for every recorded OpenAI / Azure OpenAI chat call without
     * tools, response_format or images. The gpt-5 family is counted with its calibrated reply priming (one token fewer
     * than the documented ChatML rule), everything else with the documented rule.
     */
    @ParameterizedTest(name = "{0}#{1}")
    @CsvSource({
        "openllmetry/openai/openai__traces__test_chat__test_chat_history_message_dict.decoded.json, 0",
        "openllmetry/openai/openai__traces__test_chat__test_chat_history_message_dict.decoded.json, 1",
        "openllmetry/openai/openai__traces__test_chat__test_chat_history_message_dict.decoded.json, 2",
        "openllmetry/openai/openai__traces__test_chat__test_chat_history_message_dict.decoded.json, 3",
        "openllmetry/openai/openai__traces__test_chat__test_chat_history_message_dict.decoded.json, 4",
        "openllmetry/openai/openai__traces__test_chat__test_chat_history_message_dict.decoded.json, 5",
        "openllmetry/openai/openai__traces__test_prompt_caching__test_openai_prompt_caching.decoded.json, 0",
        "openllmetry/openai/openai__traces__test_prompt_caching__test_openai_prompt_caching.decoded.json, 1",
        "openllmetry/openai/openai__traces__test_prompt_caching__test_openai_prompt_caching.decoded.json, 2",
        "openllmetry/openai/openai__traces__test_prompt_caching__test_openai_prompt_caching.decoded.json, 3",
        "openllmetry/openai/openai__traces__test_azure__test_chat.decoded.json, 0",
        "openllmetry/openai/openai__traces__test_azure__test_chat.decoded.json, 1",
        "openllmetry/openai/openai__traces__test_azure__test_chat.decoded.json, 2",
        "openllmetry/openai/openai__traces__test_azure__test_chat.decoded.json, 3",
        "openllmetry/openai/openai__traces__test_azure__test_chat.decoded.json, 4",
        "openllmetry/openai/openai__traces__test_azure__test_chat_content_filtering.decoded.json, 0",
        "openllmetry/openai/openai__traces__test_azure__test_chat_content_filtering.decoded.json, 1",
        "openllmetry/openai/openai__traces__test_azure__test_chat_content_filtering.decoded.json, 2",
        "openllmetry/openai/openai__traces__test_azure__test_chat_content_filtering.decoded.json, 3",
        "openllmetry/openai/openai__traces__test_azure__test_prompt_content_filtering.decoded.json, 1",
        "openllmetry/openai/openai__traces__test_azure__test_prompt_content_filtering.decoded.json, 2",
        "openllmetry/openai/openai__traces__test_azure__test_prompt_content_filtering.decoded.json, 3",
        // gpt-5 family: calibrated
        "openllmetry/openai/openai__traces__test_chat__test_chat_with_service_tier.decoded.json, 0",
        "openllmetry/openai/openai__traces__test_chat__test_chat_with_service_tier.decoded.json, 1",
        "openllmetry/openai/openai__traces__test_chat__test_chat_with_service_tier.decoded.json, 2",
        "pydantic-ai/openai_prompt_cache/pydantic-ai__test_openai_prompt_cache__test_openai_chat_prompt_cache_e2e.decoded.json, 0",
        "pydantic-ai/openai_prompt_cache/pydantic-ai__test_openai_prompt_cache__test_openai_chat_prompt_cache_e2e.decoded.json, 1",
    })
    void countedPromptEqualsReportedPrompt(String file, int index) throws Exception {
        CallRecordBuilder call = new ExchangeParser().parse(RecordedCalls.exchange(file, index));
        String model = call.responseModel();
        // read straight from the recorded body, not through our parser
        JsonNode body = new ObjectMapper().readTree(
                RecordedCalls.interaction(file, index).json().path("response").path("body").asText());
        long reported = body.path("usage").path("prompt_tokens").asLong(-1);
        long counted = counter.countChatPrompt(model, call.inputMessages());
        assertEquals(reported, counted, model);
        if (model.startsWith("gpt-5")) {
            assertEquals(2, counter.profileFor(model).replyPriming());
        } else {
            assertEquals(3, counter.profileFor(model).replyPriming());
        }
    }
}
