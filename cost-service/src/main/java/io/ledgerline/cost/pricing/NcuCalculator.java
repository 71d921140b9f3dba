package io.ledgerline.cost.pricing;

import io.ledgerline.contracts.CostFacet;

import java.math.BigDecimal;

/**
 * NCU = tokenCost + latencyPenalty + retryCost (DESIGN.md §5), unrounded:
 * <ul>
 *   <li>latencyPenalty = max(0, latencySeconds − latencyBudgetSeconds) × valueOfTimePerSecond, where latencySeconds
 *       is the call's latency in milliseconds ÷ 1000, exact; an unknown latency carries no penalty;</li>
 *   <li>retryCost = Σ NCU of the earlier failed attempts of the same logicalRequestId, summed by the caller (0 for a
 *       first attempt).</li>
 * </ul>
 * An unpriced call has no token cost and therefore no NCU; the caller does not call this for it.
 */
public final class NcuCalculator {

    public CostFacet.Ncu ncu(BigDecimal tokenCost, Long latencyMs, BigDecimal retryCost, NcuSettings settings) {
        if (tokenCost == null || retryCost == null) {
            throw new IllegalArgumentException("token cost and retry cost are needed for NCU (0 when none)");
        }
        BigDecimal latencyPenalty = latencyPenalty(latencyMs, settings);
        return new CostFacet.Ncu(tokenCost, latencyPenalty, retryCost, tokenCost.add(latencyPenalty).add(retryCost));
    }

    private static BigDecimal latencyPenalty(Long latencyMs, NcuSettings settings) {
        if (latencyMs == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal overBudget = BigDecimal.valueOf(latencyMs, 3).subtract(settings.latencyBudgetSeconds());
        return overBudget.signum() <= 0 ? BigDecimal.ZERO : overBudget.multiply(settings.valueOfTimePerSecond());
    }
}
