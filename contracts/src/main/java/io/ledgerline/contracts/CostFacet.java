package io.ledgerline.contracts;

import java.math.BigDecimal;

/**
 * Added by cost-service. Money is BigDecimal, written as a decimal string. When {@code priced} is false the
 * costs are null (never a silent zero) and {@code unpricedReason} says why.
 */
public record CostFacet(
        String currency,
        BucketCosts buckets,
        BigDecimal total,
        String rateCardVersion,
        boolean priced,
        String unpricedReason,
        Ncu ncu) {

    public record BucketCosts(
            BigDecimal input,
            BigDecimal cacheRead,
            BigDecimal cacheWrite,
            BigDecimal output,
            BigDecimal reasoning,
            BigDecimal requestFee) {
    }

    /** NCU = tokenCost + latencyPenalty + retryCost (DESIGN.md §5). */
    public record Ncu(BigDecimal tokenCost, BigDecimal latencyPenalty, BigDecimal retryCost, BigDecimal total) {
    }
}
