package io.ledgerline.collector.processor.tokens;

import java.math.BigDecimal;

/**
 * What a reported token figure may be: a whole number from 0 to {@link #MAX_PER_CALL}. No model has a context or an
 * output anywhere near 100 million tokens in one call (the largest are a few million), so a larger figure is a broken
 * client, not usage: taking it would price a tenant for trillions of dollars and stay in its totals for good.
 */
public final class TokenCounts {
    public static final long MAX_PER_CALL = 100_000_000L;

    private TokenCounts() {
    }

    /** The figure as a token count, or {@link IllegalArgumentException} whose message says why it cannot be one. */
    public static long of(BigDecimal figure) {
        BigDecimal whole = figure.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw new IllegalArgumentException("must be a whole number of tokens, not " + figure.toPlainString());
        }
        if (whole.signum() < 0) {
            throw new IllegalArgumentException("must not be negative, not " + whole.toPlainString());
        }
        if (whole.compareTo(BigDecimal.valueOf(MAX_PER_CALL)) > 0) {
            throw new IllegalArgumentException("is " + whole.toPlainString() + ", more than the "
                    + MAX_PER_CALL + " tokens a single call can plausibly use");
        }
        return whole.longValueExact();
    }

    /** A figure sent as text ("35"), as some providers and instrumentations do. */
    public static long of(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("must be a whole number of tokens, not the text \"" + text + "\"");
        }
        return of(new BigDecimal(trimmed));
    }
}
