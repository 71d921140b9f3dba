package io.ledgerline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders cost-service summaries ({@code GET /api/v1/costs/summary}) as text: totals, a table by provider and model,
 * one by intent, unpriced calls by reason, token discrepancies. Money is printed exactly as the service gave it.
 */
public final class SummaryFormatter {

    private SummaryFormatter() {
    }

    /**
     * @param byModel  the summary grouped by {@code provider,model}
     * @param byIntent the summary grouped by {@code intent}, or null when not fetched
     * @param byReason the summary grouped by {@code unpricedReason}, or null when not fetched
     */
    public static String format(JsonNode byModel, JsonNode byIntent, JsonNode byReason) {
        JsonNode total = byModel.path("total");
        String currency = byModel.path("currency").asText("USD");
        StringBuilder out = new StringBuilder();
        out.append("Cost summary — tenant ").append(byModel.path("tenantId").asText("?"))
                .append(", ").append(byModel.path("from").asText("?")).append(" to ").append(byModel.path("to").asText("?"))
                .append(" (").append(byModel.path("zone").asText("UTC")).append("), currency ").append(currency).append('\n');
        out.append("  calls   ").append(count(total, "calls"))
                .append("   errors ").append(count(total, "errors"))
                .append("   unpriced ").append(count(total, "unpricedCalls"))
                .append("   token discrepancies ").append(count(total, "discrepancyCalls")).append('\n');
        out.append("  tokens  input ").append(count(total, "inputTokens"))
                .append("   cache read ").append(count(total, "cacheReadTokens"))
                .append("   cache write ").append(count(total, "cacheWriteTokens"))
                .append("   output ").append(count(total, "outputTokens"))
                .append("   reasoning ").append(count(total, "reasoningTokens")).append('\n');
        out.append("  cost    ").append(currency).append(' ').append(money(total, "cost"))
                .append("   NCU ").append(money(total, "ncu")).append('\n');

        out.append('\n').append("By provider and model").append('\n');
        TextTable table = new TextTable(2, "provider", "model", "calls", "input", "cacheRead", "cacheWrite",
                "output", "reasoning", "cost", "NCU", "unpriced");
        List<JsonNode> groups = new ArrayList<>();
        byModel.path("groups").forEach(groups::add);
        groups.sort(BY_COST_DESC);
        for (JsonNode group : groups) {
            JsonNode m = group.path("metrics");
            table.row(key(group, "provider"), key(group, "model"), count(m, "calls"), count(m, "inputTokens"),
                    count(m, "cacheReadTokens"), count(m, "cacheWriteTokens"), count(m, "outputTokens"),
                    count(m, "reasoningTokens"), money(m, "cost"), money(m, "ncu"), count(m, "unpricedCalls"));
        }
        if (groups.isEmpty()) {
            out.append("  (no calls)").append('\n');
        } else {
            out.append(table.render("  "));
        }

        if (byIntent != null) {
            out.append('\n').append("By intent (intent-classifier)").append('\n');
            TextTable intents = new TextTable(1, "intent", "calls", "errors", "cost", "NCU", "unpriced");
            List<JsonNode> rows = new ArrayList<>();
            byIntent.path("groups").forEach(rows::add);
            rows.sort(BY_COST_DESC);
            for (JsonNode group : rows) {
                JsonNode m = group.path("metrics");
                intents.row(key(group, "intent"), count(m, "calls"), count(m, "errors"), money(m, "cost"),
                        money(m, "ncu"), count(m, "unpricedCalls"));
            }
            out.append(rows.isEmpty() ? "  (no calls)\n" : intents.render("  "));
        }

        out.append('\n').append("Unpriced calls: ").append(count(total, "unpricedCalls")).append('\n');
        if (byReason != null) {
            TextTable reasons = new TextTable(1, "reason", "calls");
            int rows = 0;
            for (JsonNode group : byReason.path("groups")) {
                JsonNode reason = group.path("key").path("unpricedReason");
                JsonNode m = group.path("metrics");
                long unpriced = m.has("unpricedCalls") ? m.path("unpricedCalls").asLong() : m.path("calls").asLong();
                if (reason.isNull() || reason.isMissingNode() || unpriced == 0) {
                    continue;
                }
                reasons.row(reason.asText(), Long.toString(unpriced));
                rows++;
            }
            if (rows > 0) {
                out.append(reasons.render("  "));
            }
        }
        out.append("Calls whose provider-reported tokens differ from the counted tokens: ")
                .append(count(total, "discrepancyCalls")).append('\n');
        return out.toString();
    }

    static final Comparator<JsonNode> BY_COST_DESC = Comparator
            .comparing((JsonNode g) -> decimal(g.path("metrics").path("cost")),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(g -> g.path("metrics").path("calls").asLong(), Comparator.reverseOrder())
            .thenComparing(g -> key(g, "provider"))
            .thenComparing(g -> key(g, "model"));

    private static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String key(JsonNode group, String field) {
        JsonNode value = group.path("key").path(field);
        return value.isNull() || value.isMissingNode() || value.asText().isEmpty() ? "(unknown)" : value.asText();
    }

    private static String count(JsonNode metrics, String field) {
        JsonNode value = metrics.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }

    private static String money(JsonNode metrics, String field) {
        JsonNode value = metrics.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }
}
