package io.ledgerline.cost.ratecard;

import java.math.BigDecimal;

/**
 * Prices that replace a model's base prices when the request's whole prompt (input + cache read + cache write)
 * is above {@code promptTokensAbove} tokens; the tier then applies to the whole request (DESIGN.md §5).
 * A null price means the tier does not change that bucket: the base price applies.
 */
public record PriceTier(
        long promptTokensAbove,
        BigDecimal input,
        BigDecimal output,
        BigDecimal cacheRead,
        BigDecimal cacheWrite) {

    public boolean appliesTo(long promptTokens) {
        return promptTokens > promptTokensAbove;
    }
}
