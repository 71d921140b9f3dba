package io.ledgerline.contracts;

/**
 * Our own count of a call's tokens: {@code inputTokens} is the whole prompt (cached or not, as the provider would
 * count it before splitting caches), {@code outputTokens} the visible output. {@code tokenizer} names the encoding,
 * {@code source} says whether that encoding is exact for the model family (counted) or not (estimated).
 */
public record TokenCount(long inputTokens, long outputTokens, String tokenizer, TokenSource source) {
}
