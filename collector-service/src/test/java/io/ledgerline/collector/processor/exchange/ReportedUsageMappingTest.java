package io.ledgerline.collector.processor.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ledgerline.contracts.TokenSource;
import io.ledgerline.contracts.Usage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DESIGN.md §4 bucket rules on hand-written provider bodies; expected values are hand arithmetic. */
class ReportedUsageMappingTest {
    private final ExchangeParser parser = new ExchangeParser();

    private Usage parse(String url, String request, String response) {
        RawExchange exchange = new RawExchange(null, "POST", url, Map.of("content-type", "application/json"),
                request, 200, Map.of("content-type", "application/json"), response, false,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:02Z"), null, Map.of());
        return parser.parse(exchange).usage();
    }

    @Test
    void anthropicInputExcludesBothCacheBuckets() {
        Usage u = parse("https://api.anthropic.com/v1/messages",
                "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "{\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
                        + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":3,"
                        + "\"cache_creation_input_tokens\":12304,\"cache_read_input_tokens\":0,\"output_tokens\":550}}");
        assertEquals(3, u.inputTokens().tokens());
        assertEquals(12304, u.cacheWriteTokens().tokens());
        assertEquals(0, u.cacheReadTokens().tokens());
        assertEquals(550, u.outputTokens().tokens());
        // 3 + 12304 + 0: nothing counted twice
        assertEquals(12307, u.promptTokens());
        assertEquals(12857, u.totalTokens());
        assertEquals(TokenSource.REPORTED, u.inputTokens().source());
    }

    @Test
    void openAiPromptIncludesCachedTokens() {
        Usage u = parse("https://api.openai.com/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "{\"object\":\"chat.completion\",\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":2006,\"completion_tokens\":300,\"total_tokens\":2306,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":1920}}}");
        assertEquals(86, u.inputTokens().tokens()); // 2006 - 1920
        assertEquals(1920, u.cacheReadTokens().tokens());
        assertEquals(300, u.outputTokens().tokens());
        assertEquals(2306, u.totalTokens());
    }

    @Test
    void openAiCompletionIncludesReasoningTokens() {
        Usage u = parse("https://api.openai.com/v1/chat/completions",
                "{\"model\":\"o3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "{\"object\":\"chat.completion\",\"model\":\"o3\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,"
                        + "\"completion_tokens\":500,\"completion_tokens_details\":{\"reasoning_tokens\":448}}}");
        assertEquals(52, u.outputTokens().tokens()); // 500 - 448
        assertEquals(448, u.reasoningTokens().tokens());
        assertEquals(520, u.totalTokens());
    }

    @Test
    void inconsistentDetailsNeverGoNegative() {
        Usage u = parse("https://api.openai.com/v1/chat/completions", "{\"model\":\"gpt-4o\"}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":50},"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":9}}}");
        assertEquals(0, u.inputTokens().tokens());
        assertEquals(10, u.cacheReadTokens().tokens());
        assertEquals(0, u.outputTokens().tokens());
        assertEquals(5, u.reasoningTokens().tokens());
        assertEquals(15, u.totalTokens());
    }

    @Test
    void geminiPromptIncludesCacheAndCandidatesExcludeThoughts() {
        Usage u = parse("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}",
                "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"hello\"}]},"
                        + "\"finishReason\":\"STOP\"}],\"modelVersion\":\"gemini-2.5-pro\",\"usageMetadata\":"
                        + "{\"promptTokenCount\":1000,\"cachedContentTokenCount\":600,\"candidatesTokenCount\":40,"
                        + "\"thoughtsTokenCount\":200,\"totalTokenCount\":1240}}");
        assertEquals(400, u.inputTokens().tokens());
        assertEquals(600, u.cacheReadTokens().tokens());
        assertEquals(40, u.outputTokens().tokens());
        assertEquals(200, u.reasoningTokens().tokens());
        assertEquals(1240, u.totalTokens());
    }

    @Test
    void noUsageBlockMeansNoReportedUsage() {
        assertNull(parse("https://api.openai.com/v1/chat/completions", "{\"model\":\"gpt-4o\"}",
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"x\"}}]}"));
    }

    @Test
    void anImpossibleTokenFigureRejectsTheExchangeNamingTheUsageField() {
        String request = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        InvalidExchangeException overflow = assertThrows(InvalidExchangeException.class, () -> parse(
                "https://api.openai.com/v1/chat/completions", request, openAiWithUsage(
                        "{\"prompt_tokens\":100000000000000000000,\"completion_tokens\":3}")));
        assertEquals("response.body", overflow.field());
        assertEquals("the usage figure 'prompt_tokens' is 100000000000000000000, more than the 100000000 tokens a "
                + "single call can plausibly use", overflow.reason());
        assertEquals("the usage figure 'prompt_tokens_details.cached_tokens' must not be negative, not -5",
                assertThrows(InvalidExchangeException.class, () -> parse("https://api.openai.com/v1/chat/completions",
                        request, openAiWithUsage("{\"prompt_tokens\":10,\"prompt_tokens_details\":"
                                + "{\"cached_tokens\":-5}}"))).reason());
        assertEquals("the usage figure 'completion_tokens' must be a whole number of tokens, not the text \"lots\"",
                assertThrows(InvalidExchangeException.class, () -> parse("https://api.openai.com/v1/chat/completions",
                        request, openAiWithUsage("{\"prompt_tokens\":10,\"completion_tokens\":\"lots\"}")))
                        .reason());
    }

    @Test
    void numericStringsAndJsonNullsInUsageAreStillRead() {
        Usage u = parse("https://api.openai.com/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                openAiWithUsage("{\"prompt_tokens\":\"20\",\"completion_tokens\":7,\"prompt_tokens_details\":null}"));
        assertEquals(20, u.inputTokens().tokens());
        assertEquals(0, u.cacheReadTokens().tokens());
        assertEquals(7, u.outputTokens().tokens());
    }

    private static String openAiWithUsage(String usage) {
        return "{\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":" + usage + "}";
    }
}
