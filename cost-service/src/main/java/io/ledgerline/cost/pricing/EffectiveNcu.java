package io.ledgerline.cost.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The effective NCU of a (provider, model, intent) cell (DESIGN.md §5): Σ NCU of all its attempts ÷ number of
 * successful logical requests — "cheaper per token, dearer per result". The sum is exact; the quotient is the one
 * rounded figure, to {@value #SCALE} decimal places (half-even), far below a millionth of a cent.
 */
public final class EffectiveNcu {

    public static final int SCALE = 18;

    private EffectiveNcu() {
    }

    /** Null when there is no successful logical request (no result to divide by). */
    public static BigDecimal perSuccessfulRequest(Collection<BigDecimal> ncuOfAllAttempts,
                                                  long successfulLogicalRequests) {
        if (successfulLogicalRequests < 0) {
            throw new IllegalArgumentException("successful requests must not be negative: " + successfulLogicalRequests);
        }
        if (successfulLogicalRequests == 0) {
            return null;
        }
        BigDecimal sum = ncuOfAllAttempts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(successfulLogicalRequests), SCALE, RoundingMode.HALF_EVEN);
    }
}
