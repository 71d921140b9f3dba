package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a call's input and output messages from whichever convention the instrumentation used, first found wins:
 * the semconv JSON attributes ({@code gen_ai.input.messages}, {@code gen_ai.output.messages},
 * {@code gen_ai.system_instructions}) on the span or on its {@code gen_ai.client.inference.operation.details} event;
 * OpenLLMetry's {@code gen_ai.prompt.N.*} / {@code gen_ai.completion.N.*}; OpenInference's
 * {@code llm.input_messages.N.*} / {@code llm.output_messages.N.*}; the GenAI message events.
 */
final class GenAiMessages {
    private static final String INPUT_MESSAGES = "gen_ai.input.messages";
    private static final String OUTPUT_MESSAGES = "gen_ai.output.messages";
    private static final String SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";
    private static final String OPERATION_DETAILS_EVENT = "gen_ai.client.inference.operation.details";

    private final SemconvMessages semconv;
    private final FlattenedMessages flattened;
    private final EventMessages events;

    GenAiMessages(ObjectMapper objectMapper) {
        AttributeText text = new AttributeText(objectMapper);
        this.semconv = new SemconvMessages(objectMapper);
        this.flattened = new FlattenedMessages(text);
        this.events = new EventMessages(text);
    }

    Conversation of(OtlpSpan span, SpanAttributes attributes) {
        Map<String, Object> semconvSource = semconvSource(span);
        List<ChatMessage> input = semconvInput(semconvSource);
        if (input.isEmpty()) {
            input = flattened.messages(attributes, "gen_ai.prompt.", FlattenedMessages.OPENLLMETRY);
        }
        if (input.isEmpty()) {
            input = flattened.messages(attributes, "llm.input_messages.", FlattenedMessages.OPENINFERENCE);
        }
        if (input.isEmpty()) {
            input = events.input(span.events());
        }

        List<ChatMessage> output = semconv.messages(OUTPUT_MESSAGES, semconvSource.get(OUTPUT_MESSAGES));
        String finishReason = semconv.finishReason(OUTPUT_MESSAGES, semconvSource.get(OUTPUT_MESSAGES));
        if (output.isEmpty()) {
            output = flattened.messages(attributes, "gen_ai.completion.", FlattenedMessages.OPENLLMETRY);
            finishReason = flattened.finishReason(attributes, "gen_ai.completion.", FlattenedMessages.OPENLLMETRY);
        }
        if (output.isEmpty()) {
            output = flattened.messages(attributes, "llm.output_messages.", FlattenedMessages.OPENINFERENCE);
        }
        if (output.isEmpty()) {
            output = events.output(span.events());
            finishReason = events.finishReason(span.events());
        }
        return new Conversation(input, output, finishReason);
    }

    /** The span's attributes when they carry semconv messages, else those of its operation-details event. */
    private static Map<String, Object> semconvSource(OtlpSpan span) {
        if (hasSemconvMessages(span.attributes())) {
            return span.attributes();
        }
        for (OtlpEvent event : span.events()) {
            if (OPERATION_DETAILS_EVENT.equals(event.name()) && hasSemconvMessages(event.attributes())) {
                return event.attributes();
            }
        }
        return Map.of();
    }

    private static boolean hasSemconvMessages(Map<String, Object> attributes) {
        return attributes.containsKey(INPUT_MESSAGES) || attributes.containsKey(OUTPUT_MESSAGES)
                || attributes.containsKey(SYSTEM_INSTRUCTIONS);
    }

    private List<ChatMessage> semconvInput(Map<String, Object> source) {
        List<ChatMessage> input = new ArrayList<>();
        ChatMessage instructions = semconv.systemInstructions(SYSTEM_INSTRUCTIONS, source.get(SYSTEM_INSTRUCTIONS));
        if (instructions != null) {
            input.add(instructions);
        }
        input.addAll(semconv.messages(INPUT_MESSAGES, source.get(INPUT_MESSAGES)));
        return input;
    }
}
