package io.ledgerline.cost.repository;

import io.ledgerline.cost.summary.CostSummary;
import io.ledgerline.cost.summary.Measures;
import io.ledgerline.cost.summary.SummaryQuery;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers cost summaries from the roll-up tables (never from a scan of the ledger). */
@ApplicationScoped
public class SummaryRepository {
    private final Pool pool;

    public SummaryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<CostSummary> summarise(SummaryQuery query) {
        Uni<List<CostSummary.Group>> groups = pool.preparedQuery(query.sql())
                .execute(Tuple.from(query.parameters()))
                .map(rows -> {
                    List<CostSummary.Group> result = new ArrayList<>();
                    for (Row row : rows) {
                        result.add(new CostSummary.Group(key(query, row), Measures.of(row)));
                    }
                    return result;
                });
        Uni<Measures> total = pool.preparedQuery(totalSql(query))
                .execute(Tuple.of(query.tenantId(), query.from().atOffset(java.time.ZoneOffset.UTC),
                        query.to().atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> Measures.of(rows.iterator().next()));
        return Uni.combine().all().unis(total, groups).asTuple().map(t -> new CostSummary(query.tenantId(),
                query.from().toString(), query.to().toString(), query.zone().getId(), query.groupBy(), "USD",
                t.getItem1(), t.getItem2()));
    }

    /** The range total always comes from the main roll-up, whatever the grouping. */
    private static String totalSql(SummaryQuery query) {
        return new SummaryQuery(query.tenantId(), query.from(), query.to(), query.zone(), List.of()).sql();
    }

    private static Map<String, String> key(SummaryQuery query, Row row) {
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            String dim = query.groupBy().get(i);
            Object value = row.getValue("d" + i);
            String text;
            if (value instanceof LocalDateTime local) {
                text = local.atZone(query.zone()).toOffsetDateTime().toString();
            } else {
                text = value == null || value.toString().isEmpty() ? null : value.toString();
            }
            key.put(dim, text);
        }
        return key;
    }
}
