package io.ledgerline.cost.summary;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cost summary request, validated, and the SQL over the 15-minute roll-ups that answers it. Grouping by time
 * truncates each bucket in the requested zone, so a "day" in Asia/Kolkata is that zone's day, and per-day rows add up
 * to the range total because every 15-minute bucket falls in exactly one local day.
 */
public record SummaryQuery(String tenantId, Instant from, Instant to, ZoneId zone, List<String> groupBy) {

    static final long BUCKET_SECONDS = 15 * 60;
    private static final Map<String, String> COLUMNS = Map.of(
            "provider", "provider", "model", "model", "project", "project_id", "endUser", "end_user",
            "workflow", "workflow", "intent", "intent", "status", "status", "unpricedReason", "unpriced_reason");
    private static final List<String> TIME_UNITS = List.of("hour", "day", "week", "month");
    private static final List<String> TAG_COMPATIBLE = List.of("provider", "model", "project");
    private static final String MEASURES = "sum(calls)::bigint AS calls, sum(errors)::bigint AS errors, "
            + "sum(unpriced_calls)::bigint AS unpriced_calls, sum(discrepancy_calls)::bigint AS discrepancy_calls, "
            + "sum(input_tokens)::bigint AS input_tokens, sum(cache_read_tokens)::bigint AS cache_read_tokens, "
            + "sum(cache_write_tokens)::bigint AS cache_write_tokens, sum(output_tokens)::bigint AS output_tokens, "
            + "sum(reasoning_tokens)::bigint AS reasoning_tokens, coalesce(sum(cost), 0) AS cost, "
            + "coalesce(sum(ncu), 0) AS ncu";

    /** Validates the request; every problem is an {@link IllegalArgumentException} naming the parameter. */
    public static SummaryQuery of(String tenantId, String from, String to, String zone, String groupBy) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new InvalidSummaryRequest("to", "must be after from");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone);
        } catch (RuntimeException e) {
            throw new InvalidSummaryRequest("zone", "is not a time zone id such as UTC or Europe/Paris: " + zone);
        }
        List<String> dims = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String dim : groupBy.split(",")) {
                dims.add(dim.trim());
            }
        }
        SummaryQuery query = new SummaryQuery(tenantId, start, end, zoneId, List.copyOf(dims));
        query.check();
        return query;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSummaryRequest(name, "is required (an ISO-8601 instant such as 2025-07-01T00:00:00Z)");
        }
        Instant instant;
        try {
            instant = java.time.OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            throw new InvalidSummaryRequest(name, "is not an ISO-8601 instant with offset: " + value);
        }
        if (instant.getEpochSecond() % BUCKET_SECONDS != 0 || instant.getNano() != 0) {
            throw new InvalidSummaryRequest(name, "must fall on a quarter hour (summaries add 15-minute roll-ups)");
        }
        return instant;
    }

    private void check() {
        int tags = 0;
        int times = 0;
        if (groupBy.stream().distinct().count() < groupBy.size()) {
            throw new InvalidSummaryRequest("groupBy", "names a dimension twice: " + String.join(",", groupBy));
        }
        for (String dim : groupBy) {
            if (dim.startsWith("tag:") && dim.length() > 4) {
                tags++;
            } else if (TIME_UNITS.contains(dim)) {
                times++;
            } else if (!COLUMNS.containsKey(dim)) {
                throw new InvalidSummaryRequest("groupBy", "unknown dimension '" + dim + "'; use provider, model, "
                        + "project, endUser, workflow, intent, status, unpricedReason, tag:<key>, hour, day, week or "
                        + "month");
            }
        }
        if (tags > 1 || times > 1) {
            throw new InvalidSummaryRequest("groupBy", "at most one tag:<key> and one time unit");
        }
        if (tags == 1) {
            for (String dim : groupBy) {
                if (COLUMNS.containsKey(dim) && !TAG_COMPATIBLE.contains(dim)) {
                    throw new InvalidSummaryRequest("groupBy", "tag:<key> combines only with provider, model, "
                            + "project and a time unit, not " + dim);
                }
            }
        }
    }

    public String tagKey() {
        return groupBy.stream().filter(d -> d.startsWith("tag:")).map(d -> d.substring(4)).findFirst().orElse(null);
    }

    /** The SQL's parameters, in the order of its placeholders: tenant, from, to, then zone and tag key if used. */
    public List<Object> parameters() {
        List<Object> parameters = new ArrayList<>(List.of(tenantId, from.atOffset(java.time.ZoneOffset.UTC),
                to.atOffset(java.time.ZoneOffset.UTC)));
        if (timeUnit() != null) {
            parameters.add(zone.getId());
        }
        if (tagKey() != null) {
            parameters.add(tagKey());
        }
        return parameters;
    }

    public String timeUnit() {
        return groupBy.stream().filter(TIME_UNITS::contains).findFirst().orElse(null);
    }

    public String sql() {
        boolean byTag = tagKey() != null;
        int zoneParameter = 4;
        int tagParameter = timeUnit() != null ? 5 : 4;
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            String dim = groupBy.get(i);
            String expression = TIME_UNITS.contains(dim)
                    ? "date_trunc('" + dim + "', bucket_start AT TIME ZONE $" + zoneParameter + ")"
                    : dim.startsWith("tag:") ? "tag_value" : COLUMNS.get(dim);
            selects.add(expression + " AS d" + i);
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        selects.forEach(select -> sql.append(select).append(", "));
        sql.append(MEASURES).append(" FROM cost.").append(byTag ? "cost_rollup_tag" : "cost_rollup")
                .append(" WHERE tenant_id = $1 AND bucket_start >= $2 AND bucket_start < $3");
        if (byTag) {
            sql.append(" AND tag_key = $").append(tagParameter);
        }
        if (!selects.isEmpty()) {
            String dims = String.join(", ", java.util.stream.IntStream.range(0, selects.size())
                    .mapToObj(i -> "d" + i).toList());
            sql.append(" GROUP BY ").append(dims).append(" ORDER BY ").append(dims);
        }
        return sql.toString();
    }

    public static boolean isTimeUnit(String dim) {
        return TIME_UNITS.contains(dim);
    }
}
