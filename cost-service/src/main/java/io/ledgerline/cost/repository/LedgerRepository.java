package io.ledgerline.cost.repository;

import io.ledgerline.cost.ledger.LedgerEntry;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.CostFacet;
import io.ledgerline.contracts.Usage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * The call ledger and its roll-ups. A call is written once: the insert and the roll-up increments share one
 * transaction, and a redelivered call (same callId) changes nothing.
 */
@ApplicationScoped
public class LedgerRepository {
    private static final String INSERT = "INSERT INTO cost.call_ledger (call_id, tenant_id, project_id, provider, "
            + "model, operation, end_user, workflow, intent, tags, start_time, latency_ms, status, attempt, "
            + "logical_request_id, input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, "
            + "reasoning_tokens, usage_source, token_discrepancy, priced, unpriced_reason, currency, cost_input, "
            + "cost_cache_read, cost_cache_write, cost_output, cost_reasoning, cost_request_fee, cost_total, "
            + "rate_card_version, price_used, ncu_token_cost, ncu_latency_penalty, ncu_retry_cost, ncu_total, "
            + "ncu_settings, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11, $12, $13, "
            + "$14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, "
            + "$34::text::jsonb, $35, $36, $37, $38, $39::text::jsonb, $40::text::jsonb) "
            + "ON CONFLICT (call_id) DO NOTHING RETURNING call_id";

    private static final String MEASURE_COLUMNS = "calls, errors, unpriced_calls, discrepancy_calls, input_tokens, "
            + "cache_read_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost, ncu";
    private static final String MEASURE_UPDATES = "calls = r.calls + EXCLUDED.calls, errors = r.errors + EXCLUDED.errors, "
            + "unpriced_calls = r.unpriced_calls + EXCLUDED.unpriced_calls, "
            + "discrepancy_calls = r.discrepancy_calls + EXCLUDED.discrepancy_calls, "
            + "input_tokens = r.input_tokens + EXCLUDED.input_tokens, "
            + "cache_read_tokens = r.cache_read_tokens + EXCLUDED.cache_read_tokens, "
            + "cache_write_tokens = r.cache_write_tokens + EXCLUDED.cache_write_tokens, "
            + "output_tokens = r.output_tokens + EXCLUDED.output_tokens, "
            + "reasoning_tokens = r.reasoning_tokens + EXCLUDED.reasoning_tokens, "
            + "cost = r.cost + EXCLUDED.cost, ncu = r.ncu + EXCLUDED.ncu";
    private static final String ROLLUP = "INSERT INTO cost.cost_rollup AS r (tenant_id, bucket_start, project_id, "
            + "provider, model, end_user, workflow, status, unpriced_reason, intent, " + MEASURE_COLUMNS + ") VALUES "
            + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) "
            + "ON CONFLICT (tenant_id, bucket_start, project_id, provider, model, end_user, workflow, status, "
            + "unpriced_reason, intent) DO UPDATE SET " + MEASURE_UPDATES;
    private static final String ROLLUP_TAG = "INSERT INTO cost.cost_rollup_tag AS r (tenant_id, bucket_start, "
            + "tag_key, tag_value, project_id, provider, model, " + MEASURE_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, "
            + "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (tenant_id, bucket_start, "
            + "tag_key, tag_value, project_id, provider, model) DO UPDATE SET " + MEASURE_UPDATES;

    private final Pool pool;

    public LedgerRepository(Pool pool) {
        this.pool = pool;
    }

    /** The stored, priced record of a call, or null when the call is not in the ledger. */
    public Uni<CallRecord> find(String tenantId, String callId) {
        return pool.preparedQuery("SELECT record::text AS record FROM cost.call_ledger WHERE call_id = $1 "
                        + "AND ($2::text IS NULL OR tenant_id = $2)")
                .execute(Tuple.of(callId, tenantId))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? CallRecordCodec.fromJson(it.next().getString("record")) : null;
                });
    }

    /** The full ledger row of a call, for the REST view that lets a person re-derive its cost. */
    public Uni<Row> findRow(String tenantId, String callId) {
        return pool.preparedQuery("SELECT call_id, rate_card_version, price_used::text AS price_used, "
                        + "ncu_settings::text AS ncu_settings, record::text AS record, priced_at "
                        + "FROM cost.call_ledger WHERE call_id = $1 AND tenant_id = $2")
                .execute(Tuple.of(callId, tenantId))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? it.next() : null;
                });
    }

    /** Σ NCU of the earlier failed attempts of the same logical request (DESIGN.md §5 retryCost). */
    public Uni<BigDecimal> retryCost(String tenantId, String logicalRequestId, int attempt) {
        return pool.preparedQuery("SELECT coalesce(sum(ncu_total), 0) AS retry FROM cost.call_ledger "
                        + "WHERE tenant_id = $1 AND logical_request_id = $2 AND attempt < $3 AND status = 'error'")
                .execute(Tuple.of(tenantId, logicalRequestId, attempt))
                .map(rows -> rows.iterator().next().getBigDecimal("retry"));
    }

    /** Writes the entry and its roll-ups in one transaction; false when the call was already in the ledger. */
    public Uni<Boolean> insert(LedgerEntry entry) {
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT)
                .execute(ledgerRow(entry))
                .chain(rows -> rows.iterator().hasNext()
                        ? addToRollups(connection, entry).replaceWith(true)
                        : Uni.createFrom().item(false)));
    }

    private static Uni<Void> addToRollups(SqlConnection connection, LedgerEntry entry) {
        CallRecord call = entry.call();
        Object[] measures = measures(entry);
        Tuple rollup = Tuple.tuple().addValue(call.tenantId()).addValue(entry.bucketStart().atOffset(ZoneOffset.UTC))
                .addValue(call.projectId()).addValue(call.provider()).addValue(blank(call.effectiveModel()))
                .addValue(blank(call.endUser())).addValue(blank(call.workflow())).addValue(call.status().wire())
                .addValue(blank(call.cost().unpricedReason()))
                .addValue(blank(call.intent() == null ? null : call.intent().label()));
        for (Object measure : measures) {
            rollup.addValue(measure);
        }
        Uni<Void> done = connection.preparedQuery(ROLLUP).execute(rollup).replaceWithVoid();
        // Tags in key order: concurrent consumers then lock roll-up rows in the same order and cannot deadlock.
        for (Map.Entry<String, String> tag : new TreeMap<>(call.tags()).entrySet()) {
            Tuple tagRow = Tuple.tuple().addValue(call.tenantId())
                    .addValue(entry.bucketStart().atOffset(ZoneOffset.UTC)).addValue(tag.getKey())
                    .addValue(tag.getValue()).addValue(call.projectId()).addValue(call.provider())
                    .addValue(blank(call.effectiveModel()));
            for (Object measure : measures) {
                tagRow.addValue(measure);
            }
            done = done.chain(() -> connection.preparedQuery(ROLLUP_TAG).execute(tagRow).replaceWithVoid());
        }
        return done;
    }

    /** This call's contribution to a roll-up row; an unpriced call adds no money (it is counted as unpriced). */
    private static Object[] measures(LedgerEntry entry) {
        CallRecord call = entry.call();
        Usage usage = call.usage();
        CostFacet cost = call.cost();
        return new Object[] {1L, call.status() == CallStatus.ERROR ? 1L : 0L, cost.priced() ? 0L : 1L,
                entry.tokenDiscrepancy() ? 1L : 0L, Usage.tokens(usage.inputTokens()),
                Usage.tokens(usage.cacheReadTokens()), Usage.tokens(usage.cacheWriteTokens()),
                Usage.tokens(usage.outputTokens()), Usage.tokens(usage.reasoningTokens()),
                orZero(cost.total()), orZero(cost.ncu() == null ? null : cost.ncu().total())};
    }

    private static Tuple ledgerRow(LedgerEntry entry) {
        CallRecord call = entry.call();
        Usage usage = call.usage();
        CostFacet cost = call.cost();
        CostFacet.BucketCosts buckets = cost.buckets();
        CostFacet.Ncu ncu = cost.ncu();
        return Tuple.tuple().addValue(call.callId()).addValue(call.tenantId()).addValue(call.projectId())
                .addValue(call.provider()).addValue(call.effectiveModel()).addValue(call.operation())
                .addValue(call.endUser()).addValue(call.workflow())
                .addValue(call.intent() == null ? null : call.intent().label())
                .addValue(io.vertx.core.json.Json.encode(call.tags()))
                .addValue(call.startTime().atOffset(ZoneOffset.UTC)).addValue(call.latencyMs())
                .addValue(call.status().wire()).addValue(call.attempt()).addValue(call.logicalRequestId())
                .addValue(Usage.tokens(usage.inputTokens())).addValue(Usage.tokens(usage.cacheReadTokens()))
                .addValue(Usage.tokens(usage.cacheWriteTokens())).addValue(Usage.tokens(usage.outputTokens()))
                .addValue(Usage.tokens(usage.reasoningTokens())).addValue(entry.usageSource())
                .addValue(entry.tokenDiscrepancy()).addValue(cost.priced()).addValue(cost.unpricedReason())
                .addValue(cost.currency())
                .addValue(buckets == null ? null : buckets.input())
                .addValue(buckets == null ? null : buckets.cacheRead())
                .addValue(buckets == null ? null : buckets.cacheWrite())
                .addValue(buckets == null ? null : buckets.output())
                .addValue(buckets == null ? null : buckets.reasoning())
                .addValue(buckets == null ? null : buckets.requestFee())
                .addValue(cost.total()).addValue(cost.rateCardVersion()).addValue(entry.priceUsedJson())
                .addValue(ncu == null ? null : ncu.tokenCost())
                .addValue(ncu == null ? BigDecimal.ZERO : ncu.latencyPenalty())
                .addValue(ncu == null ? BigDecimal.ZERO : ncu.retryCost())
                .addValue(ncu == null ? null : ncu.total())
                .addValue(entry.ncuSettingsJson()).addValue(CallRecordCodec.toJson(call));
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
