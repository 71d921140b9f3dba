package io.ledgerline.cost.repository;

import io.ledgerline.cost.pricing.NcuSettings;
import io.ledgerline.cost.pricing.ProjectNcuSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A project's NCU settings: one row for the project and one per intent or workflow override. */
@ApplicationScoped
public class NcuSettingsRepository {
    private final Pool pool;

    public NcuSettingsRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<ProjectNcuSettings> find(String tenantId, String projectId) {
        return pool.preparedQuery("SELECT scope, scope_value, value_of_time_per_second, latency_budget_seconds "
                        + "FROM cost.ncu_setting WHERE tenant_id = $1 AND project_id = $2")
                .execute(Tuple.of(tenantId, projectId))
                .map(rows -> {
                    NcuSettings project = null;
                    Map<String, NcuSettings> intents = new HashMap<>();
                    Map<String, NcuSettings> workflows = new HashMap<>();
                    for (Row row : rows) {
                        NcuSettings settings = new NcuSettings(row.getBigDecimal("value_of_time_per_second"),
                                row.getBigDecimal("latency_budget_seconds"));
                        switch (row.getString("scope")) {
                            case "intent" -> intents.put(row.getString("scope_value"), settings);
                            case "workflow" -> workflows.put(row.getString("scope_value"), settings);
                            default -> project = settings;
                        }
                    }
                    return new ProjectNcuSettings(project, intents, workflows);
                });
    }

    /** Replaces all of a project's settings in one transaction. */
    public Uni<Void> replace(String tenantId, String projectId, ProjectNcuSettings settings) {
        List<Tuple> rows = new ArrayList<>();
        rows.add(row(tenantId, projectId, "project", "", settings.project()));
        settings.byIntent().forEach((intent, s) -> rows.add(row(tenantId, projectId, "intent", intent, s)));
        settings.byWorkflow().forEach((workflow, s) -> rows.add(row(tenantId, projectId, "workflow", workflow, s)));
        return pool.withTransaction(connection -> connection
                .preparedQuery("DELETE FROM cost.ncu_setting WHERE tenant_id = $1 AND project_id = $2")
                .execute(Tuple.of(tenantId, projectId))
                .chain(() -> connection.preparedQuery("INSERT INTO cost.ncu_setting (tenant_id, project_id, scope, "
                        + "scope_value, value_of_time_per_second, latency_budget_seconds) VALUES ($1, $2, $3, $4, $5, "
                        + "$6)").executeBatch(rows))
                .replaceWithVoid());
    }

    private static Tuple row(String tenantId, String projectId, String scope, String value, NcuSettings settings) {
        return Tuple.tuple().addValue(tenantId).addValue(projectId).addValue(scope).addValue(value)
                .addValue(settings.valueOfTimePerSecond()).addValue(settings.latencyBudgetSeconds());
    }
}
