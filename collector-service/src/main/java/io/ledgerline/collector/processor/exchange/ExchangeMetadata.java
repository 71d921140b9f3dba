package io.ledgerline.collector.processor.exchange;

import io.ledgerline.contracts.CallRecordBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the caller's metadata (who, which session and workflow, tags, retry attempt, trace ids) onto the record.
 * Keys are accepted in camelCase or snake_case. Without trace ids in the metadata, a W3C {@code traceparent} request
 * header gives the trace id and, as the parent span, the span of the caller that made the request.
 */
final class ExchangeMetadata {
    private static final Pattern TRACEPARENT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}.*$");
    private static final String NO_TRACE = "00000000000000000000000000000000";
    private static final String NO_SPAN = "0000000000000000";

    private ExchangeMetadata() {
    }

    static void apply(RawExchange exchange, CallRecordBuilder call) {
        Map<String, Object> metadata = exchange.metadata();
        setIfPresent(text(metadata, "endUser", "end_user"), call::endUser);
        setIfPresent(text(metadata, "sessionId", "session_id"), call::sessionId);
        setIfPresent(text(metadata, "workflow"), call::workflow);
        setIfPresent(text(metadata, "logicalRequestId", "logical_request_id"), call::logicalRequestId);
        String critical = text(metadata, "critical");
        if (critical != null) {
            call.critical(Boolean.parseBoolean(critical));
        }
        Object attempt = metadata.get("attempt");
        if (attempt instanceof Number n && n.intValue() >= 0) {
            call.attempt(n.intValue());
        } else if (attempt != null && attempt.toString().trim().matches("\\d+")) {
            call.attempt(Integer.parseInt(attempt.toString().trim()));
        }
        if (metadata.get("tags") instanceof Map<?, ?> tags) {
            Map<String, String> copy = new LinkedHashMap<>(call.tags());
            tags.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k.toString(), v.toString());
                }
            });
            call.tags(copy);
        }
        String traceId = text(metadata, "traceId", "trace_id");
        String spanId = text(metadata, "spanId", "span_id");
        String parentSpanId = text(metadata, "parentSpanId", "parent_span_id");
        if (traceId == null && spanId == null && parentSpanId == null) {
            Matcher m = TRACEPARENT.matcher(lower(exchange.requestHeader("traceparent")));
            if (m.matches() && !m.group(1).equals(NO_TRACE) && !m.group(2).equals(NO_SPAN)) {
                traceId = m.group(1);
                parentSpanId = m.group(2);
            }
        }
        setIfPresent(traceId, call::traceId);
        setIfPresent(spanId, call::spanId);
        setIfPresent(parentSpanId, call::parentSpanId);
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String text(Map<String, Object> metadata, String... keys) {
        for (String key : keys) {
            Object value = metadata.get(key);
            if (value != null && !(value instanceof Map) && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }

    private static void setIfPresent(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
