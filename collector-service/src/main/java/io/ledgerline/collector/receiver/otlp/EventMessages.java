package io.ledgerline.collector.receiver.otlp;

import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads messages from the (deprecated but still emitted) GenAI span events: {@code gen_ai.system.message},
 * {@code gen_ai.user.message}, {@code gen_ai.assistant.message}, {@code gen_ai.tool.message} for the input and
 * {@code gen_ai.choice} for the output. The role comes from the event name unless a {@code role} attribute says
 * otherwise; a choice carries its message in a {@code message} key/value list, or as plain attributes.
 */
final class EventMessages {
    private static final Map<String, String> INPUT_ROLES = Map.of(
            "gen_ai.system.message", "system",
            "gen_ai.user.message", "user",
            "gen_ai.assistant.message", "assistant",
            "gen_ai.tool.message", "tool");
    private static final String CHOICE = "gen_ai.choice";

    private final AttributeText text;

    EventMessages(AttributeText text) {
        this.text = text;
    }

    List<ChatMessage> input(List<OtlpEvent> events) {
        List<ChatMessage> messages = new ArrayList<>();
        for (OtlpEvent event : events) {
            String role = INPUT_ROLES.get(event.name());
            if (role != null) {
                messages.add(message(event.attributes(), role));
            }
        }
        return messages;
    }

    List<ChatMessage> output(List<OtlpEvent> events) {
        List<ChatMessage> messages = new ArrayList<>();
        for (OtlpEvent event : events) {
            if (CHOICE.equals(event.name())) {
                messages.add(message(choiceMessage(event.attributes()), "assistant"));
            }
        }
        return messages;
    }

    String finishReason(List<OtlpEvent> events) {
        for (OtlpEvent event : events) {
            if (CHOICE.equals(event.name()) && event.attributes().get("finish_reason") != null) {
                return text.of(event.attributes().get("finish_reason"));
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> choiceMessage(Map<String, Object> attributes) {
        return attributes.get("message") instanceof Map<?, ?> message ? (Map<String, Object>) message : attributes;
    }

    private ChatMessage message(Map<String, Object> attributes, String defaultRole) {
        String role = text.of(attributes.get("role"));
        return new ChatMessage(role == null ? defaultRole : role, text.of(attributes.get("content")),
                text.of(attributes.get("name")), toolCalls(attributes.get("tool_calls")));
    }

    /** Tool calls as the events write them: {@code [{id, type, function: {name, arguments}}]}. */
    private List<ChatMessage.ToolCall> toolCalls(Object value) {
        List<ChatMessage.ToolCall> toolCalls = new ArrayList<>();
        if (value instanceof List<?> calls) {
            for (Object call : calls) {
                if (call instanceof Map<?, ?> fields) {
                    Object function = fields.get("function");
                    Map<?, ?> named = function instanceof Map<?, ?> f ? f : fields;
                    toolCalls.add(new ChatMessage.ToolCall(text.of(fields.get("id")), text.of(named.get("name")),
                            text.of(named.get("arguments"))));
                }
            }
        }
        return toolCalls;
    }
}
