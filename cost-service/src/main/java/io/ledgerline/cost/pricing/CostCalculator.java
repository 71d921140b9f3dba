package io.ledgerline.cost.pricing;

import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.CostFacet;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.TokenSource;
import io.ledgerline.contracts.Usage;
import io.ledgerline.cost.ratecard.ModelPrice;

import java.math.BigDecimal;
import java.util.stream.Stream;

/**
 * Cost = Σ over buckets (tokens × price of that bucket) + per-request fee (DESIGN.md §5), with the prices of
 * {@link BucketPrices#forRequest} (tier by whole prompt size, cache prices falling back to input, reasoning to
 * output). Nothing is rounded.
 *
 * <p>A failed call ({@link CallStatus#ERROR}) costs 0, fee included, unless the provider reported billable usage for
 * it: a {@link TokenSource#REPORTED reported} bucket (input, cache, output or reasoning) with more than 0 tokens. Then
 * it is priced like a successful call. Our own counted or estimated tokens never make a failed call billable.
 */
public final class CostCalculator {

    public CallCost cost(Usage usage, CallStatus status, ModelPrice price) {
        if (unbilledFailure(usage, status)) {
            return nothing();
        }
        if (usage == null) {
            return CallCost.unpriced("no usage for a successful call of model " + price.model());
        }
        BucketPrices prices = BucketPrices.forRequest(price, usage.promptTokens());
        String missing = missingPrice(usage, prices);
        if (missing != null) {
            return CallCost.unpriced("no " + missing + " price for model " + price.model() + " of provider "
                    + price.provider());
        }
        return CallCost.priced(new CostFacet.BucketCosts(
                times(usage.inputTokens(), prices.input()),
                times(usage.cacheReadTokens(), prices.cacheRead()),
                times(usage.cacheWriteTokens(), prices.cacheWrite()),
                times(usage.outputTokens(), prices.output()),
                times(usage.reasoningTokens(), prices.reasoning()),
                prices.requestFee()));
    }

    /** A failed call the provider reported no billable usage for: it costs 0, whatever the model's price. */
    public boolean unbilledFailure(Usage usage, CallStatus status) {
        return status == CallStatus.ERROR && !providerReportedBillableUsage(usage);
    }

    public CallCost nothing() {
        BigDecimal zero = BigDecimal.ZERO;
        return CallCost.priced(new CostFacet.BucketCosts(zero, zero, zero, zero, zero, zero));
    }

    private static boolean providerReportedBillableUsage(Usage usage) {
        return usage != null && Stream.of(usage.inputTokens(), usage.cacheReadTokens(), usage.cacheWriteTokens(),
                        usage.outputTokens(), usage.reasoningTokens())
                .anyMatch(bucket -> bucket != null && bucket.source() == TokenSource.REPORTED && bucket.tokens() > 0);
    }

    /** The first bucket that has tokens but no price, or null when every bucket with tokens has a price. */
    private static String missingPrice(Usage usage, BucketPrices prices) {
        if (Usage.tokens(usage.inputTokens()) > 0 && prices.input() == null) {
            return "input";
        }
        if (Usage.tokens(usage.cacheReadTokens()) > 0 && prices.cacheRead() == null) {
            return "cache read";
        }
        if (Usage.tokens(usage.cacheWriteTokens()) > 0 && prices.cacheWrite() == null) {
            return "cache write";
        }
        if (Usage.tokens(usage.outputTokens()) > 0 && prices.output() == null) {
            return "output";
        }
        if (Usage.tokens(usage.reasoningTokens()) > 0 && prices.reasoning() == null) {
            return "reasoning";
        }
        return null;
    }

    private static BigDecimal times(TokenBucket bucket, BigDecimal pricePerToken) {
        long tokens = Usage.tokens(bucket);
        return tokens == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(tokens).multiply(pricePerToken);
    }
}
