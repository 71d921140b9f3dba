package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns a GenAI span into the start of a call record. Understands the OTel GenAI semantic conventions (current and
 * deprecated names), OpenLLMetry and OpenInference attributes. Spans that are not LLM calls (workflows, agents,
 * tools, HTTP…) give an empty result and stay plain spans of their trace.
 *
 * <p>The builder carries the span's ids, provider, operation, models, context, timing, outcome, messages and the
 * reported usage buckets only (null when the span reports none); callId, tenant and counted tokens are added later.
 */
public final class GenAiSpanMapper {
    private final ObjectMapper objectMapper;
    private final GenAiMessages messages;
    private final CallContextAttributes context;

    public GenAiSpanMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.messages = new GenAiMessages(objectMapper);
        this.context = new CallContextAttributes(new AttributeText(objectMapper));
    }

    /**
     * The call this span records, or empty when it is not an LLM call.
     *
     * @throws SpanRejectedException when a GenAI attribute has the wrong type; the reason names it
     */
    public Optional<CallRecordBuilder> toCall(OtlpSpan span) {
        SpanAttributes attributes = new SpanAttributes(span.attributes());
        Optional<String> operation = GenAiOperations.of(attributes);
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        CallRecordBuilder call = new CallRecordBuilder()
                .source(Source.OTLP)
                .traceId(span.traceId())
                .spanId(span.spanId())
                .parentSpanId(span.parentSpanId())
                .provider(GenAiProviders.of(attributes))
                .operation(operation.get())
                .requestModel(attributes.firstString("gen_ai.request.model", "llm.model_name"))
                .responseModel(attributes.string("gen_ai.response.model"))
                .usage(GenAiUsage.of(attributes));
        context.apply(attributes, call);
        timing(span, attributes, call);
        outcome(span, attributes, call);
        Conversation conversation = messages.of(span, attributes);
        call.inputMessages(conversation.input()).outputMessages(conversation.output());
        String finishReason = firstFinishReason(attributes);
        call.finishReason(finishReason != null ? finishReason : conversation.finishReason());
        return Optional.of(call);
    }

    private static void timing(OtlpSpan span, SpanAttributes attributes, CallRecordBuilder call) {
        Instant start = span.startTime();
        Instant end = span.endTime();
        call.startTime(start).endTime(end);
        if (start != null && end != null && !end.isBefore(start)) {
            call.latencyMs(Duration.between(start, end).toMillis());
        }
        Double ttftSeconds = attributes.seconds("gen_ai.server.time_to_first_token");
        if (ttftSeconds == null) {
            ttftSeconds = attributes.seconds("gen_ai.response.time_to_first_chunk");
        }
        if (ttftSeconds != null) {
            call.timeToFirstTokenMs(Math.round(ttftSeconds * 1000));
        }
        Boolean streaming = attributes.firstFlag("gen_ai.request.stream", "gen_ai.request.is_stream", "llm.is_streaming");
        call.streaming(Boolean.TRUE.equals(streaming));
    }

    private static void outcome(OtlpSpan span, SpanAttributes attributes, CallRecordBuilder call) {
        Long httpStatus = attributes.count("http.response.status_code");
        if (httpStatus != null) {
            call.httpStatus(httpStatus.intValue());
        }
        if (span.statusCode() != OtlpStatusCode.ERROR) {
            call.status(CallStatus.OK);
            return;
        }
        call.status(CallStatus.ERROR);
        String errorType = attributes.string("error.type");
        if (errorType == null) {
            errorType = exceptionType(span.events());
        }
        call.errorType(errorType);
    }

    private static String exceptionType(List<OtlpEvent> events) {
        for (OtlpEvent event : events) {
            if ("exception".equals(event.name()) && event.attributes().get("exception.type") != null) {
                return event.attributes().get("exception.type").toString();
            }
        }
        return null;
    }

    /**
     * {@code gen_ai.response.finish_reasons} is a string array; instrumentations that flatten everything to strings
     * send it as JSON text ({@code "[\"stop\"]"}) or as a single reason.
     */
    private String firstFinishReason(SpanAttributes attributes) {
        Object value = attributes.raw("gen_ai.response.finish_reasons");
        if (value instanceof List<?> reasons) {
            return reasons.isEmpty() ? null : reasons.get(0).toString();
        }
        String text = attributes.string("gen_ai.response.finish_reasons");
        if (text == null || !text.startsWith("[")) {
            return text;
        }
        try {
            JsonNode reasons = objectMapper.readTree(text);
            return reasons.isArray() && !reasons.isEmpty() ? reasons.get(0).asText() : null;
        } catch (JsonProcessingException e) {
            throw new SpanRejectedException(
                    "attribute 'gen_ai.response.finish_reasons' must be an array of strings, got \"" + text + "\"");
        }
    }
}
