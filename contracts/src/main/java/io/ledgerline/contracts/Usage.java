package io.ledgerline.contracts;

/**
 * The canonical, exclusive token buckets of DESIGN.md §4. Their sum never counts a token twice.
 * {@code counted} is our tokenizer's figure when we could count; {@code discrepancy} is reported minus counted,
 * present only when both exist. {@code note} explains anything unusual (for example a stream without usage).
 */
public record Usage(
        TokenBucket inputTokens,
        TokenBucket cacheReadTokens,
        TokenBucket cacheWriteTokens,
        TokenBucket outputTokens,
        TokenBucket reasoningTokens,
        TokenCount counted,
        Discrepancy discrepancy,
        String note) {

    /** Reported minus counted, for the prompt (all input buckets together) and the visible output. */
    public record Discrepancy(long inputTokens, long outputTokens) {
        public boolean any() {
            return inputTokens != 0 || outputTokens != 0;
        }
    }

    public static long tokens(TokenBucket bucket) {
        return bucket == null ? 0 : bucket.tokens();
    }

    /** Everything billed as input: uncached input plus both cache buckets. */
    public long promptTokens() {
        return tokens(inputTokens) + tokens(cacheReadTokens) + tokens(cacheWriteTokens);
    }

    public long totalTokens() {
        return promptTokens() + tokens(outputTokens) + tokens(reasoningTokens);
    }
}
