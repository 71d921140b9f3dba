package io.ledgerline.intent.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tenant's own intent labels with their example prompts. */
@ApplicationScoped
public class TenantLabelRepository {

    /** A label as stored: its name, an optional description and its examples in the order given. */
    public record StoredLabel(String label, String description, List<String> examples) {
    }

    private final Pool pool;

    public TenantLabelRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<StoredLabel>> all(String tenantId) {
        return pool.preparedQuery("SELECT l.label, l.description, e.text FROM intent.tenant_label l "
                        + "LEFT JOIN intent.tenant_label_example e ON e.tenant_id = l.tenant_id AND e.label = l.label "
                        + "WHERE l.tenant_id = $1 ORDER BY l.label, e.position")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    Map<String, StoredLabel> labels = new LinkedHashMap<>();
                    for (Row row : rows) {
                        StoredLabel label = labels.computeIfAbsent(row.getString("label"),
                                name -> new StoredLabel(name, row.getString("description"), new ArrayList<>()));
                        if (row.getString("text") != null) {
                            label.examples().add(row.getString("text"));
                        }
                    }
                    return labels.values().stream()
                            .map(l -> new StoredLabel(l.label(), l.description(), List.copyOf(l.examples())))
                            .toList();
                });
    }

    public Uni<Optional<StoredLabel>> find(String tenantId, String label) {
        return all(tenantId).map(labels -> labels.stream().filter(l -> l.label().equals(label)).findFirst());
    }

    /** Creates or replaces the label and all its examples in one transaction; true when it was new. */
    public Uni<Boolean> put(String tenantId, StoredLabel label) {
        List<Tuple> examples = new ArrayList<>();
        for (int i = 0; i < label.examples().size(); i++) {
            examples.add(Tuple.of(tenantId, label.label(), i, label.examples().get(i)));
        }
        return pool.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO intent.tenant_label (tenant_id, label, description) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (tenant_id, label) DO UPDATE SET description = EXCLUDED.description, "
                        + "updated_at = now() RETURNING (xmax = 0) AS created")
                .execute(Tuple.of(tenantId, label.label(), label.description()))
                .chain(created -> connection.preparedQuery("DELETE FROM intent.tenant_label_example "
                                + "WHERE tenant_id = $1 AND label = $2")
                        .execute(Tuple.of(tenantId, label.label()))
                        .chain(() -> connection.preparedQuery("INSERT INTO intent.tenant_label_example (tenant_id, "
                                + "label, position, text) VALUES ($1, $2, $3, $4)").executeBatch(examples))
                        .map(ignored -> created.iterator().next().getBoolean("created"))));
    }

    /** True when there was such a label. */
    public Uni<Boolean> delete(String tenantId, String label) {
        return pool.preparedQuery("DELETE FROM intent.tenant_label WHERE tenant_id = $1 AND label = $2")
                .execute(Tuple.of(tenantId, label))
                .map(rows -> rows.rowCount() > 0);
    }
}
