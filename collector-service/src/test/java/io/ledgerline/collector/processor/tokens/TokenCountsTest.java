package io.ledgerline.collector.processor.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TokenCountsTest {

    @Test
    void wholeFiguresUpToTheBoundAreTokenCounts() {
        assertEquals(35, TokenCounts.of(new BigDecimal("35")));
        assertEquals(35, TokenCounts.of(new BigDecimal("35.0")));
        assertEquals(0, TokenCounts.of(BigDecimal.ZERO));
        assertEquals(100_000_000, TokenCounts.of(new BigDecimal("1e8")));
        assertEquals(2006, TokenCounts.of(" 2006 "));
    }

    @Test
    void everythingElseSaysWhy() {
        assertEquals("must be a whole number of tokens, not 35.5", reason(new BigDecimal("35.5")));
        assertEquals("must not be negative, not -100", reason(new BigDecimal("-100")));
        assertEquals("is 100000001, more than the 100000000 tokens a single call can plausibly use",
                reason(new BigDecimal("100000001")));
        assertEquals("is 9000000000000000, more than the 100000000 tokens a single call can plausibly use",
                reason(new BigDecimal("9e15")));
        // 10^20 does not fit in a long: it must never wrap to 7.7e18
        assertEquals("is 100000000000000000000, more than the 100000000 tokens a single call can plausibly use",
                reason(new BigDecimal("100000000000000000000")));
        assertEquals("must be a whole number of tokens, not the text \"lots\"",
                assertThrows(IllegalArgumentException.class, () -> TokenCounts.of("lots")).getMessage());
    }

    private static String reason(BigDecimal figure) {
        return assertThrows(IllegalArgumentException.class, () -> TokenCounts.of(figure)).getMessage();
    }
}
