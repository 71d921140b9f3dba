package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.collector.processor.tokens.TokenCounts;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;

/**
 * Maps each provider's usage block into the exclusive buckets of DESIGN.md §4, keeping only what the provider
 * reported (source {@code reported}). Every method returns null when the block reports no token figure at all.
 * Subtractions are clamped at zero so that an inconsistent block never yields a negative bucket.
 */
final class ReportedUsage {
    private ReportedUsage() {
    }

    /**
     * OpenAI chat/completions/embeddings ({@code prompt_tokens}, {@code completion_tokens}) and the Responses API
     * ({@code input_tokens}, {@code output_tokens}): the prompt INCLUDES cached tokens and the completion INCLUDES
     * reasoning tokens. Also used for every OpenAI-compatible provider.
     */
    static Usage openAi(JsonNode usage) {
        if (!Json.isObject(usage)) {
            return null;
        }
        Long prompt = first(Json.number(usage, "prompt_tokens"), Json.number(usage, "input_tokens"));
        Long completion = first(Json.number(usage, "completion_tokens"), Json.number(usage, "output_tokens"));
        if (prompt == null && completion == null) {
            return null;
        }
        long cached = orZero(first(
                Json.number(usage, "prompt_tokens_details", "cached_tokens"),
                Json.number(usage, "input_tokens_details", "cached_tokens"),
                // DeepSeek's own name for the same figure.
                Json.number(usage, "prompt_cache_hit_tokens")));
        long cacheWrite = orZero(first(
                Json.number(usage, "prompt_tokens_details", "cache_write_tokens"),
                Json.number(usage, "input_tokens_details", "cache_write_tokens")));
        long reasoning = orZero(first(
                Json.number(usage, "completion_tokens_details", "reasoning_tokens"),
                Json.number(usage, "output_tokens_details", "reasoning_tokens")));
        TokenBucket input = null;
        TokenBucket cacheRead = null;
        TokenBucket cacheWriteBucket = null;
        if (prompt != null) {
            long cachedPart = Math.min(cached, prompt);
            long writePart = Math.min(cacheWrite, prompt - cachedPart);
            input = TokenBucket.reported(prompt - cachedPart - writePart);
            cacheRead = TokenBucket.reported(cachedPart);
            cacheWriteBucket = writePart > 0 ? TokenBucket.reported(writePart) : null;
        }
        TokenBucket output = null;
        TokenBucket reasoningBucket = null;
        if (completion != null) {
            long reasoningPart = Math.min(reasoning, completion);
            output = TokenBucket.reported(completion - reasoningPart);
            reasoningBucket = TokenBucket.reported(reasoningPart);
        }
        return usage(input, cacheRead, cacheWriteBucket, output, reasoningBucket);
    }

    /** Anthropic messages: {@code input_tokens} EXCLUDES both cache buckets; thinking is inside {@code output_tokens}. */
    static Usage anthropic(JsonNode usage) {
        if (!Json.isObject(usage)) {
            return null;
        }
        return exclusive(Json.number(usage, "input_tokens"), Json.number(usage, "cache_read_input_tokens"),
                Json.number(usage, "cache_creation_input_tokens"), Json.number(usage, "output_tokens"));
    }

    /** Bedrock Converse {@code usage}: same exclusive rule as Anthropic, camelCase names. */
    static Usage bedrockConverse(JsonNode usage) {
        if (!Json.isObject(usage)) {
            return null;
        }
        return exclusive(Json.number(usage, "inputTokens"),
                first(Json.number(usage, "cacheReadInputTokens"), Json.number(usage, "cacheReadInputTokenCount")),
                first(Json.number(usage, "cacheWriteInputTokens"), Json.number(usage, "cacheWriteInputTokenCount")),
                Json.number(usage, "outputTokens"));
    }

    /**
     * Bedrock InvokeModel reports usage in response headers for every model family; input excludes the cache
     * buckets (as the Anthropic body it mirrors does).
     */
    static Usage bedrockHeaders(RawExchange exchange) {
        return exclusive(header(exchange, "x-amzn-bedrock-input-token-count"),
                header(exchange, "x-amzn-bedrock-cache-read-input-token-count"),
                header(exchange, "x-amzn-bedrock-cache-write-input-token-count"),
                header(exchange, "x-amzn-bedrock-output-token-count"));
    }

    /** The {@code amazon-bedrock-invocationMetrics} object at the end of an invoke-with-response-stream stream. */
    static Usage bedrockInvocationMetrics(JsonNode metrics) {
        if (!Json.isObject(metrics)) {
            return null;
        }
        return exclusive(Json.number(metrics, "inputTokenCount"), Json.number(metrics, "cacheReadInputTokenCount"),
                Json.number(metrics, "cacheWriteInputTokenCount"), Json.number(metrics, "outputTokenCount"));
    }

    /**
     * Gemini / Vertex {@code usageMetadata}: {@code promptTokenCount} INCLUDES {@code cachedContentTokenCount};
     * {@code candidatesTokenCount} EXCLUDES {@code thoughtsTokenCount} (→ reasoning). Tool-use prompt tokens are
     * billed as input and reported apart from the prompt, so they are added to input.
     */
    static Usage gemini(JsonNode metadata) {
        if (!Json.isObject(metadata)) {
            return null;
        }
        Long prompt = Json.number(metadata, "promptTokenCount");
        Long candidates = Json.number(metadata, "candidatesTokenCount");
        Long thoughts = Json.number(metadata, "thoughtsTokenCount");
        if (prompt == null && candidates == null && thoughts == null) {
            return null;
        }
        long promptTokens = orZero(prompt);
        long cached = Math.min(orZero(Json.number(metadata, "cachedContentTokenCount")), promptTokens);
        long toolPrompt = orZero(Json.number(metadata, "toolUsePromptTokenCount"));
        return usage(TokenBucket.reported(promptTokens - cached + toolPrompt), TokenBucket.reported(cached), null,
                TokenBucket.reported(orZero(candidates)), TokenBucket.reported(orZero(thoughts)));
    }

    /** Cohere: the billed units are what is charged ({@code tokens} also counts the provider's own preamble). */
    static Usage cohere(JsonNode billedUnits) {
        if (!Json.isObject(billedUnits)) {
            return null;
        }
        return exclusive(Json.number(billedUnits, "input_tokens"), null, null,
                Json.number(billedUnits, "output_tokens"));
    }

    /** Plain input/output figures from providers without cache or reasoning detail (Ollama, Llama on Bedrock…). */
    static Usage plain(Long input, Long output) {
        return exclusive(input, null, null, output);
    }

    private static Usage exclusive(Long input, Long cacheRead, Long cacheWrite, Long output) {
        if (input == null && output == null && cacheRead == null && cacheWrite == null) {
            return null;
        }
        return usage(bucket(input), bucket(cacheRead), bucket(cacheWrite), bucket(output), null);
    }

    private static Usage usage(TokenBucket input, TokenBucket cacheRead, TokenBucket cacheWrite, TokenBucket output,
            TokenBucket reasoning) {
        return new Usage(input, cacheRead, cacheWrite, output, reasoning, null, null, null);
    }

    private static TokenBucket bucket(Long tokens) {
        return tokens == null ? null : TokenBucket.reported(tokens);
    }

    private static Long header(RawExchange exchange, String name) {
        String value = exchange.responseHeader(name);
        if (value == null) {
            return null;
        }
        try {
            return TokenCounts.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidExchangeException("response.headers." + name, e.getMessage());
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
