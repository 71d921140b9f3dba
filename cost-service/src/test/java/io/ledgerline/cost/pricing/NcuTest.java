package io.ledgerline.cost.pricing;

import io.ledgerline.contracts.CostFacet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.ledgerline.cost.MoneyAssertions.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NcuTest {

    private final NcuCalculator calculator = new NcuCalculator();
    private static final NcuSettings CENT_PER_SECOND_AFTER_2S =
            new NcuSettings(new BigDecimal("0.01"), new BigDecimal("2"));

    @Test
    void latencyBeyondTheBudgetIsPriced() {
        // latency 3.5 s, budget 2 s, $0.01/s: (3.5 - 2) x 0.01 = 0.015; NCU = 0.005615 + 0.015 = 0.020615
        CostFacet.Ncu ncu = calculator.ncu(new BigDecimal("0.005615"), 3_500L, BigDecimal.ZERO,
                CENT_PER_SECOND_AFTER_2S);
        assertAmount("0.015", ncu.latencyPenalty());
        assertAmount("0.005615", ncu.tokenCost());
        assertAmount("0.020615", ncu.total());
    }

    @Test
    void latencyWithinTheBudgetOrUnknownCostsNothing() {
        assertAmount("0", calculator.ncu(BigDecimal.ONE, 1_999L, BigDecimal.ZERO, CENT_PER_SECOND_AFTER_2S)
                .latencyPenalty());
        assertAmount("0", calculator.ncu(BigDecimal.ONE, null, BigDecimal.ZERO, CENT_PER_SECOND_AFTER_2S)
                .latencyPenalty());
        // default settings (0 and 0): NCU equals cost, however slow the call
        assertAmount("0.054399", calculator.ncu(new BigDecimal("0.054399"), 60_000L, BigDecimal.ZERO,
                NcuSettings.DEFAULT).total());
    }

    @Test
    void earlierFailedAttemptsAreAddedAsRetryCost() {
        // attempt 0 failed with billed usage: cost 0.00145, latency 30 s -> penalty (30 - 2) x 0.01 = 0.28;
        // its NCU = 0.28145
        CostFacet.Ncu first = calculator.ncu(new BigDecimal("0.00145"), 30_000L, BigDecimal.ZERO,
                CENT_PER_SECOND_AFTER_2S);
        assertAmount("0.28145", first.total());
        // attempt 1 succeeded: cost 0.005615, latency 1.2 s (no penalty), retryCost = 0.28145
        // NCU = 0.005615 + 0 + 0.28145 = 0.287065
        CostFacet.Ncu second = calculator.ncu(new BigDecimal("0.005615"), 1_200L, first.total(),
                CENT_PER_SECOND_AFTER_2S);
        assertAmount("0.28145", second.retryCost());
        assertAmount("0.287065", second.total());
    }

    @Test
    void millisecondsAreNotRounded() {
        // 2.001 s over a 2 s budget at $0.01/s: 0.001 x 0.01 = 0.00001
        assertAmount("0.00001", calculator.ncu(BigDecimal.ZERO, 2_001L, BigDecimal.ZERO, CENT_PER_SECOND_AFTER_2S)
                .latencyPenalty());
    }

    @Test
    void settingsPrecedenceIsWorkflowThenIntentThenProject() {
        NcuSettings project = new NcuSettings(new BigDecimal("0.001"), new BigDecimal("5"));
        NcuSettings summarization = new NcuSettings(new BigDecimal("0.002"), new BigDecimal("4"));
        NcuSettings checkout = new NcuSettings(new BigDecimal("0.05"), new BigDecimal("1"));
        ProjectNcuSettings settings = new ProjectNcuSettings(project, Map.of("summarization", summarization),
                Map.of("checkout", checkout));
        assertSame(checkout, settings.forCall("summarization", "checkout"));
        assertSame(summarization, settings.forCall("summarization", "nightly-report"));
        assertSame(project, settings.forCall("translation", null));
        assertSame(NcuSettings.DEFAULT, new ProjectNcuSettings(null, null, null).forCall("summarization", "checkout"));
    }

    @Test
    void settingsMustNotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new NcuSettings(new BigDecimal("-0.01"), BigDecimal.ONE));
    }

    @Test
    void effectiveNcuDividesAllAttemptsBySuccessfulRequests() {
        // three logical requests: one needed a retry (0.28145 failed + 0.287065 succeeded), one succeeded at
        // once (0.02), one failed for good (0.1). Σ = 0.28145 + 0.287065 + 0.02 + 0.1 = 0.688515; 2 successes
        // -> 0.3442575
        List<BigDecimal> attempts = List.of(new BigDecimal("0.28145"), new BigDecimal("0.287065"),
                new BigDecimal("0.02"), new BigDecimal("0.1"));
        BigDecimal effective = EffectiveNcu.perSuccessfulRequest(attempts, 2);
        assertAmount("0.3442575", effective);
        assertEquals(EffectiveNcu.SCALE, effective.scale());
        // 1 / 3 = 0.333333333333333333 at 18 places, half-even
        assertEquals("0.333333333333333333", EffectiveNcu.perSuccessfulRequest(List.of(BigDecimal.ONE), 3)
                .toPlainString());
        assertNull(EffectiveNcu.perSuccessfulRequest(attempts, 0));
    }
}
