package io.ledgerline.cost.rest;

import io.ledgerline.support.problem.InvalidFieldException;
import java.math.BigDecimal;

/** Reads a non-negative decimal sent as a string (money and seconds travel as strings, never binary floats). */
final class DecimalField {
    private DecimalField() {
    }

    static BigDecimal parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required (a decimal string such as \"0.01\")");
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "is not a decimal number: " + value);
        }
        if (decimal.signum() < 0) {
            throw new InvalidFieldException(field, "must not be negative: " + value);
        }
        return decimal;
    }
}
