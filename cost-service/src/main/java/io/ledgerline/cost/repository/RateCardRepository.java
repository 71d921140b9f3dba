package io.ledgerline.cost.repository;

import io.ledgerline.cost.ratecard.PriceFileImport;
import io.ledgerline.cost.ratecard.QuarantinedRow;
import io.ledgerline.cost.ratecard.RateCard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

/** Records each imported rate-card version and its quarantined rows (once: a restart re-imports nothing new). */
@ApplicationScoped
public class RateCardRepository {
    private final Pool pool;

    public RateCardRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(RateCard card, PriceFileImport imported) {
        long carried = card.entries().stream().filter(p -> p.carriedForward()).count();
        Tuple version = Tuple.of(card.version(), card.effectiveFrom().atOffset(ZoneOffset.UTC), "LiteLLM price file",
                card.entries().size(), imported.quarantined().size(), (int) carried);
        List<Tuple> quarantined = imported.quarantined().stream()
                .map(row -> Tuple.of(card.version(), row.key(), row.reason())).toList();
        return pool.withTransaction(connection -> connection.preparedQuery("INSERT INTO cost.rate_card_version "
                        + "(version, effective_from, source, accepted_rows, quarantined_rows, carried_forward) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (version) DO NOTHING RETURNING version")
                .execute(version)
                .chain(rows -> rows.iterator().hasNext() && !quarantined.isEmpty()
                        ? connection.preparedQuery("INSERT INTO cost.quarantined_price (version, key, reason) "
                                + "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING").executeBatch(quarantined).replaceWithVoid()
                        : Uni.createFrom().voidItem()));
    }

    /** Quarantined rows of every version, for the rate-card report. */
    public Uni<List<QuarantinedRow>> quarantined() {
        return pool.query("SELECT version, key, reason FROM cost.quarantined_price ORDER BY version, key").execute()
                .map(rows -> {
                    List<QuarantinedRow> result = new java.util.ArrayList<>();
                    rows.forEach(row -> result.add(new QuarantinedRow(row.getString("key"), row.getString("version"),
                            row.getString("reason"))));
                    return result;
                });
    }
}
