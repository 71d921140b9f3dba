package io.ledgerline.collector.exporter;

import java.time.Instant;

/** One row of the span store; {@code callJson} is set for spans that became a call. */
public record SpanRow(
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        Integer kind,
        Instant startTime,
        Instant endTime,
        Integer statusCode,
        String statusMessage,
        String attributesJson,
        String resourceJson,
        String callId,
        String callJson) {
}
