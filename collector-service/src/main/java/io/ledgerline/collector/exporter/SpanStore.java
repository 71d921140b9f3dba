package io.ledgerline.collector.exporter;

import io.ledgerline.collector.auth.ProjectRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Writes spans of a tenant's traces; a span delivered twice is stored once. */
@ApplicationScoped
public class SpanStore {
    private static final String INSERT = "INSERT INTO collector.span (tenant_id, project_id, trace_id, span_id, "
            + "parent_span_id, name, kind, start_time, end_time, status_code, status_message, attributes, resource, "
            + "call_id, call_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13::text::jsonb, $14, "
            + "$15::text::jsonb) ON CONFLICT (tenant_id, trace_id, span_id) DO NOTHING";

    private final Pool pool;

    public SpanStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> save(ProjectRef project, List<SpanRow> spans) {
        if (spans.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = spans.stream().map(span -> Tuple.tuple()
                .addValue(project.tenantId()).addValue(project.projectId())
                .addValue(span.traceId()).addValue(span.spanId()).addValue(span.parentSpanId())
                .addValue(span.name()).addValue(span.kind())
                .addValue(utc(span.startTime())).addValue(utc(span.endTime()))
                .addValue(span.statusCode()).addValue(span.statusMessage())
                .addValue(span.attributesJson()).addValue(span.resourceJson())
                .addValue(span.callId()).addValue(span.callJson())).toList();
        return pool.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
