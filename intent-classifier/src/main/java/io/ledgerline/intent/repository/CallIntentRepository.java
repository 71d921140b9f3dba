package io.ledgerline.intent.repository;

import io.ledgerline.contracts.IntentFacet;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The intent each call was given, written once per (tenant, callId). */
@ApplicationScoped
public class CallIntentRepository {
    private final Pool pool;

    public CallIntentRepository(Pool pool) {
        this.pool = pool;
    }

    private Uni<Optional<IntentFacet>> find(String tenantId, String callId) {
        return pool.preparedQuery("SELECT label, confidence, model_version, reason FROM intent.call_intent "
                        + "WHERE tenant_id = $1 AND call_id = $2")
                .execute(Tuple.of(tenantId, callId))
                .map(CallIntentRepository::first);
    }

    /**
     * Stores {@code facet} unless the call already has an intent, and returns the one that is stored: a second
     * delivery, or a competing consumer that got there first, ends with the first answer.
     */
    public Uni<IntentFacet> storeFirst(String tenantId, String callId, IntentFacet facet, String source) {
        return pool.preparedQuery("INSERT INTO intent.call_intent (tenant_id, call_id, label, confidence, source, "
                        + "model_version, reason) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                        + "ON CONFLICT (tenant_id, call_id) DO NOTHING RETURNING label")
                .execute(Tuple.from(new Object[] {tenantId, callId, facet.label(), facet.confidence(), source,
                        facet.modelVersion(), facet.reason()}))
                .chain(rows -> rows.size() == 1 ? Uni.createFrom().item(facet)
                        : find(tenantId, callId).map(Optional::orElseThrow));
    }

    private static Optional<IntentFacet> first(RowSet<Row> rows) {
        for (Row row : rows) {
            return Optional.of(new IntentFacet(row.getString("label"), row.getDouble("confidence"),
                    row.getString("model_version"), row.getString("reason")));
        }
        return Optional.empty();
    }
}
