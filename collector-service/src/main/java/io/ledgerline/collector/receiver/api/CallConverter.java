package io.ledgerline.collector.receiver.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.collector.processor.tokens.TokenCounts;
import io.ledgerline.collector.receiver.InvalidItemException;
import io.ledgerline.collector.receiver.ItemConverter;
import io.ledgerline.collector.receiver.JsonFields;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one native call (for integrators without OpenTelemetry): the call record's own field names, with
 * {@code usage} given as the exclusive buckets the provider reported. See the module README for the shape.
 */
public class CallConverter implements ItemConverter {

    private static final String[] BUCKETS = {
            "inputTokens", "cacheReadTokens", "cacheWriteTokens", "outputTokens", "reasoningTokens"};

    @Override
    public String clientCallId(JsonNode item) {
        return item.hasNonNull("callId") ? item.get("callId").asText() : null;
    }

    @Override
    public CallRecordBuilder convert(JsonNode item) {
        CallRecordBuilder call = new CallRecordBuilder();
        call.provider(JsonFields.text(item, "provider", "provider", true).toLowerCase(Locale.ROOT));
        String operation = JsonFields.text(item, "operation", "operation", false);
        call.operation(operation == null ? "chat" : operation);
        call.requestModel(JsonFields.text(item, "requestModel", "requestModel", true));
        call.responseModel(JsonFields.text(item, "responseModel", "responseModel", false));
        Instant start = JsonFields.instant(item, "startTime", "startTime", true);
        Instant end = JsonFields.instant(item, "endTime", "endTime", false);
        if (end != null && end.isBefore(start)) {
            throw new InvalidItemException("endTime", "is before startTime");
        }
        call.startTime(start).endTime(end == null ? start : end);
        call.timeToFirstTokenMs(JsonFields.wholeNumber(item, "timeToFirstTokenMs", "timeToFirstTokenMs", 0,
                Long.MAX_VALUE));
        call.streaming(Boolean.TRUE.equals(JsonFields.bool(item, "streaming", "streaming")));
        Long http = JsonFields.wholeNumber(item, "httpStatus", "httpStatus", 100, 599);
        call.httpStatus(http == null ? null : http.intValue());
        call.status(status(item, http));
        call.errorType(JsonFields.text(item, "errorType", "errorType", false));
        call.finishReason(JsonFields.text(item, "finishReason", "finishReason", false));
        Long attempt = JsonFields.wholeNumber(item, "attempt", "attempt", 0, 1000);
        call.attempt(attempt == null ? 0 : attempt.intValue());
        call.logicalRequestId(JsonFields.text(item, "logicalRequestId", "logicalRequestId", false));
        call.traceId(hexId(JsonFields.text(item, "traceId", "traceId", false), 32, "traceId"));
        call.spanId(hexId(JsonFields.text(item, "spanId", "spanId", false), 16, "spanId"));
        call.parentSpanId(hexId(JsonFields.text(item, "parentSpanId", "parentSpanId", false), 16, "parentSpanId"));
        call.endUser(JsonFields.text(item, "endUser", "endUser", false));
        call.sessionId(JsonFields.text(item, "sessionId", "sessionId", false));
        call.workflow(JsonFields.text(item, "workflow", "workflow", false));
        call.critical(Boolean.TRUE.equals(JsonFields.bool(item, "critical", "critical")));
        call.tags(tags(item));
        call.inputMessages(messages(item, "inputMessages"));
        call.outputMessages(messages(item, "outputMessages"));
        call.usage(usage(item));
        return call;
    }

    private static CallStatus status(JsonNode item, Long http) {
        String status = JsonFields.text(item, "status", "status", false);
        if (status == null) {
            return http != null && (http < 200 || http >= 300) ? CallStatus.ERROR : CallStatus.OK;
        }
        return switch (status) {
            case "ok" -> CallStatus.OK;
            case "error" -> CallStatus.ERROR;
            default -> throw new InvalidItemException("status", "must be 'ok' or 'error', not '" + status + "'");
        };
    }

    private static String hexId(String id, int length, String field) {
        if (id == null) {
            return null;
        }
        if (!id.matches("[0-9a-fA-F]{" + length + "}")) {
            throw new InvalidItemException(field, "must be " + length + " hex digits, not '" + id + "'");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> tags(JsonNode item) {
        JsonNode node = JsonFields.object(item, "tags", "tags", false);
        Map<String, String> tags = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                    throw new InvalidItemException("tags." + field.getKey(), "must be a string");
                }
                tags.put(field.getKey(), field.getValue().asText());
            });
        }
        return tags;
    }

    private static List<ChatMessage> messages(JsonNode item, String name) {
        JsonNode node = item.get(name);
        List<ChatMessage> messages = new ArrayList<>();
        if (node == null || node.isNull()) {
            return messages;
        }
        if (!node.isArray()) {
            throw new InvalidItemException(name, "must be an array of messages");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode message = node.get(i);
            String path = name + "[" + i + "]";
            if (!message.isObject()) {
                throw new InvalidItemException(path, "must be an object with role and content");
            }
            List<ChatMessage.ToolCall> toolCalls = new ArrayList<>();
            JsonNode calls = message.get("toolCalls");
            if (calls != null && calls.isArray()) {
                calls.forEach(c -> toolCalls.add(new ChatMessage.ToolCall(textOrNull(c, "id"), textOrNull(c, "name"),
                        textOrNull(c, "arguments"))));
            }
            messages.add(new ChatMessage(JsonFields.text(message, "role", path + ".role", true),
                    JsonFields.text(message, "content", path + ".content", false),
                    JsonFields.text(message, "name", path + ".name", false), toolCalls));
        }
        return messages;
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The provider-reported buckets; absent usage is left to the token counter. */
    private static Usage usage(JsonNode item) {
        JsonNode node = JsonFields.object(item, "usage", "usage", false);
        if (node == null) {
            return null;
        }
        TokenBucket[] buckets = new TokenBucket[BUCKETS.length];
        boolean any = false;
        for (int i = 0; i < BUCKETS.length; i++) {
            Long tokens = JsonFields.wholeNumber(node, BUCKETS[i], "usage." + BUCKETS[i], 0, TokenCounts.MAX_PER_CALL);
            if (tokens != null) {
                buckets[i] = TokenBucket.reported(tokens);
                any = true;
            }
        }
        return any ? new Usage(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4], null, null, null) : null;
    }
}
