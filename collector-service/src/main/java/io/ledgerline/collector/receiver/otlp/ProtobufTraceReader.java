package io.ledgerline.collector.receiver.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes a binary protobuf {@code ExportTraceServiceRequest} (OTLP/HTTP {@code application/x-protobuf}). */
final class ProtobufTraceReader {

    OtlpBatch read(byte[] body) {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedOtlpException("body is not a valid protobuf ExportTraceServiceRequest: " + e.getMessage(), e);
        }
        List<OtlpSpan> spans = new ArrayList<>();
        List<SpanRejection> rejections = new ArrayList<>();
        int index = 0;
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Resource resource = resourceSpans.getResource();
            Map<String, Object> resourceAttributes = attributes(resource.getAttributesList());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                String scopeName = scopeSpans.getScope().getName();
                for (Span span : scopeSpans.getSpansList()) {
                    String traceId = null;
                    String spanId = null;
                    try {
                        traceId = OtlpIds.fromBytes("traceId", span.getTraceId().toByteArray(), OtlpIds.TRACE_ID_BYTES);
                        spanId = OtlpIds.fromBytes("spanId", span.getSpanId().toByteArray(), OtlpIds.SPAN_ID_BYTES);
                        String parentSpanId = span.getParentSpanId().isEmpty() ? null
                                : OtlpIds.fromBytes("parentSpanId", span.getParentSpanId().toByteArray(),
                                        OtlpIds.SPAN_ID_BYTES);
                        spans.add(new OtlpSpan(traceId, spanId, parentSpanId, span.getName(),
                                OtlpSpanKind.fromNumber(span.getKindValue()),
                                UnixNanos.toInstant(span.getStartTimeUnixNano()),
                                UnixNanos.toInstant(span.getEndTimeUnixNano()),
                                OtlpStatusCode.fromNumber(span.getStatus().getCodeValue()),
                                emptyToNull(span.getStatus().getMessage()),
                                attributes(span.getAttributesList()), resourceAttributes, emptyToNull(scopeName),
                                events(span.getEventsList())));
                    } catch (InvalidSpanException e) {
                        rejections.add(new SpanRejection(index, traceId, spanId, e.getMessage()));
                    }
                    index++;
                }
            }
        }
        return new OtlpBatch(spans, rejections);
    }

    private static List<OtlpEvent> events(List<Span.Event> events) {
        List<OtlpEvent> result = new ArrayList<>(events.size());
        for (Span.Event event : events) {
            result.add(new OtlpEvent(event.getName(), UnixNanos.toInstant(event.getTimeUnixNano()),
                    attributes(event.getAttributesList())));
        }
        return result;
    }

    private static Map<String, Object> attributes(List<KeyValue> keyValues) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (KeyValue keyValue : keyValues) {
            Object value = value(keyValue.getValue());
            if (value != null) {
                result.put(keyValue.getKey(), value);
            }
        }
        return result;
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE -> {
                List<Object> values = new ArrayList<>();
                for (AnyValue element : value.getArrayValue().getValuesList()) {
                    Object converted = value(element);
                    if (converted != null) {
                        values.add(converted);
                    }
                }
                yield values;
            }
            case KVLIST_VALUE -> attributes(value.getKvlistValue().getValuesList());
            // a profiling-only string-table reference means nothing in a trace: treated as absent, as the spec says
            case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> null;
        };
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
