package io.ledgerline.collector.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProjectKeyRepository {
    private final Pool pool;

    public ProjectKeyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<ProjectRef> findByHash(String keyHash) {
        return pool.preparedQuery("SELECT tenant_id, project_id FROM collector.project_api_key WHERE key_hash = $1")
                .execute(Tuple.of(keyHash))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return new ProjectRef(row.getString("tenant_id"), row.getString("project_id"));
                });
    }

    /** Registers a key for a project; registering the same key again changes nothing. */
    public Uni<Void> register(String keyHash, ProjectRef project) {
        return pool.preparedQuery("INSERT INTO collector.project_api_key (key_hash, tenant_id, project_id) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (key_hash) DO NOTHING")
                .execute(Tuple.of(keyHash, project.tenantId(), project.projectId()))
                .replaceWithVoid();
    }
}
