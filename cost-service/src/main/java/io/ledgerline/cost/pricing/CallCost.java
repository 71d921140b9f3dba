package io.ledgerline.cost.pricing;

import io.ledgerline.contracts.CostFacet;

import java.math.BigDecimal;

/**
 * The cost of one call in USD, unrounded: per-bucket costs and their total. When the call cannot be priced (a bucket
 * with tokens has no price) {@code buckets} and {@code total} are null and {@code unpricedReason} says why: never a
 * silent zero.
 */
public record CallCost(CostFacet.BucketCosts buckets, BigDecimal total, String unpricedReason) {

    static CallCost priced(CostFacet.BucketCosts buckets) {
        BigDecimal total = buckets.input()
                .add(buckets.cacheRead())
                .add(buckets.cacheWrite())
                .add(buckets.output())
                .add(buckets.reasoning())
                .add(buckets.requestFee());
        return new CallCost(buckets, total, null);
    }

    static CallCost unpriced(String reason) {
        return new CallCost(null, null, reason);
    }

    public boolean isPriced() {
        return unpricedReason == null;
    }
}
