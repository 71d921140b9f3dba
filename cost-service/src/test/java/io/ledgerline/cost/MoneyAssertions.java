package io.ledgerline.cost;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares amounts by value, not by scale: 0.0050 equals 0.005. */
public final class MoneyAssertions {

    private MoneyAssertions() {
    }

    public static void assertAmount(String expected, BigDecimal actual) {
        assertNotNull(actual, "amount expected " + expected + " but was null");
        assertTrue(new BigDecimal(expected).compareTo(actual) == 0,
                () -> "expected " + expected + " but was " + actual.toPlainString());
    }
}
