package io.ledgerline.collector.receiver.otlp;

import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;

/**
 * The token usage a GenAI span reports, mapped to the exclusive buckets of DESIGN.md §4. OTel (and OpenLLMetry and
 * OpenInference) report input INCLUSIVE of cache reads and writes, and output INCLUSIVE of reasoning, so those are
 * subtracted. Only reported buckets are filled; counting is the collector's later step.
 */
final class GenAiUsage {
    private static final String[] INPUT = {
            "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt"};
    private static final String[] OUTPUT = {
            "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion"};
    private static final String[] CACHE_READ = {
            "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
            "llm.token_count.prompt_details.cache_read"};
    private static final String[] CACHE_WRITE = {
            "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
            "llm.token_count.prompt_details.cache_write"};
    private static final String[] REASONING = {
            "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens",
            "llm.token_count.completion_details.reasoning",
            // pydantic-ai's provider details (OpenAI reasoning, Gemini thoughts), also inside output_tokens
            "gen_ai.usage.details.reasoning_tokens", "gen_ai.usage.details.thoughts_tokens"};

    private GenAiUsage() {
    }

    /** The reported buckets, or null when the span reports no usage at all. */
    static Usage of(SpanAttributes attributes) {
        Long input = attributes.firstTokenCount(INPUT);
        Long output = attributes.firstTokenCount(OUTPUT);
        Long cacheRead = attributes.firstTokenCount(CACHE_READ);
        Long cacheWrite = attributes.firstTokenCount(CACHE_WRITE);
        Long reasoning = attributes.firstTokenCount(REASONING);
        if (input == null && output == null && cacheRead == null && cacheWrite == null && reasoning == null) {
            return null;
        }
        StringBuilder note = new StringBuilder();
        TokenBucket inputBucket = null;
        if (input != null) {
            long uncached = input - zeroIfNull(cacheRead) - zeroIfNull(cacheWrite);
            if (uncached < 0) {
                note.append("reported input tokens (").append(input)
                        .append(") are fewer than the cache tokens; uncached input set to 0. ");
            }
            inputBucket = TokenBucket.reported(Math.max(0, uncached));
        }
        TokenBucket outputBucket = null;
        if (output != null) {
            long visible = output - zeroIfNull(reasoning);
            if (visible < 0) {
                note.append("reported output tokens (").append(output)
                        .append(") are fewer than the reasoning tokens; visible output set to 0. ");
            }
            outputBucket = TokenBucket.reported(Math.max(0, visible));
        }
        return new Usage(inputBucket, reported(cacheRead), reported(cacheWrite), outputBucket, reported(reasoning),
                null, null, note.isEmpty() ? null : note.toString().trim());
    }

    private static TokenBucket reported(Long tokens) {
        return tokens == null ? null : TokenBucket.reported(tokens);
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }
}
