package io.ledgerline.collector.receiver.otlp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One span of an OTLP trace export, decoded from protobuf or OTLP/JSON into plain Java values.
 *
 * <p>Ids are lower-case hex ({@code traceId} 32 characters, {@code spanId} 16); {@code parentSpanId} is null for a
 * root span. Attribute values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link List} (an
 * AnyValue array) or {@link Map} (an AnyValue key/value list); bytes values arrive as their base64 text. The
 * resource attributes and the instrumentation scope name of the enclosing {@code ResourceSpans}/{@code ScopeSpans}
 * are copied onto every span. Times are null when the export left them at zero.
 */
public record OtlpSpan(
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        OtlpSpanKind kind,
        Instant startTime,
        Instant endTime,
        OtlpStatusCode statusCode,
        String statusMessage,
        Map<String, Object> attributes,
        Map<String, Object> resourceAttributes,
        String scopeName,
        List<OtlpEvent> events) {

    public OtlpSpan {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        resourceAttributes = resourceAttributes == null ? Map.of() : Map.copyOf(resourceAttributes);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
