package io.ledgerline.cost.pricing;

import java.math.BigDecimal;

/**
 * What time is worth for NCU (DESIGN.md §5): USD per second of latency beyond the budget. The defaults (0 and 0)
 * make NCU equal cost until someone prices time.
 */
public record NcuSettings(BigDecimal valueOfTimePerSecond, BigDecimal latencyBudgetSeconds) {

    public static final NcuSettings DEFAULT = new NcuSettings(BigDecimal.ZERO, BigDecimal.ZERO);

    public NcuSettings {
        if (valueOfTimePerSecond == null || valueOfTimePerSecond.signum() < 0
                || latencyBudgetSeconds == null || latencyBudgetSeconds.signum() < 0) {
            throw new IllegalArgumentException("value of time and latency budget must be given and not negative: "
                    + valueOfTimePerSecond + ", " + latencyBudgetSeconds);
        }
    }
}
