package io.ledgerline.cost.summary;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/v1/costs/summary}: the range total and one row per group. */
public record CostSummary(
        String tenantId,
        String from,
        String to,
        String zone,
        List<String> groupBy,
        String currency,
        Measures total,
        List<Group> groups) {

    public record Group(Map<String, String> key, Measures metrics) {
    }
}
