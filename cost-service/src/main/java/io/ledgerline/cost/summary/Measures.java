package io.ledgerline.cost.summary;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;

/** The measures of a summary row, as added up from roll-ups. Money is a decimal, written as a string. */
public record Measures(
        long calls,
        long errors,
        long unpricedCalls,
        long discrepancyCalls,
        long inputTokens,
        long cacheReadTokens,
        long cacheWriteTokens,
        long outputTokens,
        long reasoningTokens,
        @com.fasterxml.jackson.annotation.JsonFormat(shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)
        BigDecimal cost,
        @com.fasterxml.jackson.annotation.JsonFormat(shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)
        BigDecimal ncu) {

    public static Measures of(Row row) {
        return new Measures(longOf(row, "calls"), longOf(row, "errors"), longOf(row, "unpriced_calls"),
                longOf(row, "discrepancy_calls"), longOf(row, "input_tokens"), longOf(row, "cache_read_tokens"),
                longOf(row, "cache_write_tokens"), longOf(row, "output_tokens"), longOf(row, "reasoning_tokens"),
                plain(row.getBigDecimal("cost")), plain(row.getBigDecimal("ncu")));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static long longOf(Row row, String column) {
        Long value = row.getLong(column);
        return value == null ? 0 : value;
    }
}
