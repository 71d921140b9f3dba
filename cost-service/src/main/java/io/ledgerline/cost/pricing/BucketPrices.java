package io.ledgerline.cost.pricing;

import io.ledgerline.cost.ratecard.ModelPrice;
import io.ledgerline.cost.ratecard.PriceTier;

import java.math.BigDecimal;

/**
 * The USD per-token price of each bucket for one request, after tier selection and fallbacks:
 * <ul>
 *   <li>tier: the model's tier with the highest threshold that the request's whole prompt (input + cache read +
 *       cache write) is above applies to the whole request; a price the tier does not give stays the base price;</li>
 *   <li>a missing cache-read or cache-write price falls back to the (tier's) input price: the provider then bills
 *       those tokens as ordinary input, which is also what they are when caching is not priced separately;</li>
 *   <li>reasoning is billed at the reasoning price, else at the (tier's) output price;</li>
 *   <li>input or output may still be null when the source gives none; tokens in such a bucket cannot be priced.</li>
 * </ul>
 * {@code tier} is the applied tier, null when the base prices apply.
 */
public record BucketPrices(
        BigDecimal input,
        BigDecimal cacheRead,
        BigDecimal cacheWrite,
        BigDecimal output,
        BigDecimal reasoning,
        BigDecimal requestFee,
        PriceTier tier) {

    public static BucketPrices forRequest(ModelPrice price, long promptTokens) {
        PriceTier tier = price.tierFor(promptTokens).orElse(null);
        BigDecimal input = firstNonNull(tier == null ? null : tier.input(), price.input());
        BigDecimal output = firstNonNull(tier == null ? null : tier.output(), price.output());
        BigDecimal cacheRead = firstNonNull(tier == null ? null : tier.cacheRead(), price.cacheRead(), input);
        BigDecimal cacheWrite = firstNonNull(tier == null ? null : tier.cacheWrite(), price.cacheWrite(), input);
        BigDecimal reasoning = firstNonNull(price.reasoning(), output);
        BigDecimal requestFee = firstNonNull(price.perRequestFee(), BigDecimal.ZERO);
        return new BucketPrices(input, cacheRead, cacheWrite, output, reasoning, requestFee, tier);
    }

    private static BigDecimal firstNonNull(BigDecimal... prices) {
        for (BigDecimal price : prices) {
            if (price != null) {
                return price;
            }
        }
        return null;
    }
}
