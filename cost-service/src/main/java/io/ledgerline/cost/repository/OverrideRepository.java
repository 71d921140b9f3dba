package io.ledgerline.cost.repository;

import io.ledgerline.cost.ratecard.ModelPrice;
import io.ledgerline.cost.service.TenantOverride;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A tenant's own prices. */
@ApplicationScoped
public class OverrideRepository {
    private final Pool pool;

    public OverrideRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<TenantOverride>> forTenant(String tenantId) {
        return pool.preparedQuery("SELECT * FROM cost.tenant_price_override WHERE tenant_id = $1 "
                        + "ORDER BY provider, model, effective_from")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<TenantOverride> result = new ArrayList<>();
                    for (Row row : rows) {
                        ModelPrice price = new ModelPrice(row.getString("provider"), row.getString("model"), "chat",
                                row.getBigDecimal("input_per_token"), row.getBigDecimal("output_per_token"),
                                row.getBigDecimal("cache_read_per_token"), row.getBigDecimal("cache_write_per_token"),
                                row.getBigDecimal("reasoning_per_token"), row.getBigDecimal("request_fee"), List.of(),
                                false, "tenant-override");
                        result.add(new TenantOverride(tenantId, row.getOffsetDateTime("effective_from").toInstant(),
                                price));
                    }
                    return result;
                });
    }

    /** Adds or replaces the override of (provider, model) taking effect at its effectiveFrom. */
    public Uni<Void> put(TenantOverride override) {
        ModelPrice p = override.price();
        return pool.preparedQuery("INSERT INTO cost.tenant_price_override (tenant_id, provider, model, effective_from, "
                        + "input_per_token, output_per_token, cache_read_per_token, cache_write_per_token, "
                        + "reasoning_per_token, request_fee) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                        + "ON CONFLICT (tenant_id, provider, model, effective_from) DO UPDATE SET "
                        + "input_per_token = EXCLUDED.input_per_token, output_per_token = EXCLUDED.output_per_token, "
                        + "cache_read_per_token = EXCLUDED.cache_read_per_token, "
                        + "cache_write_per_token = EXCLUDED.cache_write_per_token, "
                        + "reasoning_per_token = EXCLUDED.reasoning_per_token, request_fee = EXCLUDED.request_fee")
                .execute(Tuple.tuple().addValue(override.tenantId()).addValue(p.provider()).addValue(p.model())
                        .addValue(override.effectiveFrom().atOffset(ZoneOffset.UTC)).addValue(p.input())
                        .addValue(p.output()).addValue(p.cacheRead()).addValue(p.cacheWrite())
                        .addValue(p.reasoning()).addValue(p.perRequestFee()))
                .replaceWithVoid();
    }

    public Uni<Boolean> delete(String tenantId, String provider, String model) {
        return pool.preparedQuery("DELETE FROM cost.tenant_price_override WHERE tenant_id = $1 AND provider = $2 "
                        + "AND model = $3")
                .execute(Tuple.of(tenantId, provider, model))
                .map(rows -> rows.rowCount() > 0);
    }
}
