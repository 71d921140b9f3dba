package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the current semantic-convention message attributes {@code gen_ai.input.messages},
 * {@code gen_ai.output.messages} and {@code gen_ai.system_instructions}: JSON arrays of messages made of typed
 * {@code parts} (schemas in the semconv {@code gen-ai-*-messages.json}). They arrive as a JSON string or as a
 * structured AnyValue array. Text and tool-call-response parts become the content; tool-call parts become tool
 * calls; reasoning, media and server-side tool parts are not message content and are left out.
 */
final class SemconvMessages {
    private final ObjectMapper objectMapper;

    SemconvMessages(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The messages of a {@code gen_ai.input.messages} / {@code gen_ai.output.messages} value; empty when absent. */
    List<ChatMessage> messages(String key, Object value) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : array(key, value)) {
            if (!message.isObject()) {
                throw new SpanRejectedException("attribute '" + key + "' must be an array of message objects");
            }
            messages.add(message(message));
        }
        return messages;
    }

    /** The first {@code finish_reason} of a {@code gen_ai.output.messages} value, or null. */
    String finishReason(String key, Object value) {
        for (JsonNode message : array(key, value)) {
            String reason = text(message.path("finish_reason"));
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** {@code gen_ai.system_instructions} (an array of parts) as one system message, or null when absent. */
    ChatMessage systemInstructions(String key, Object value) {
        JsonNode parts = array(key, value);
        if (parts.isEmpty()) {
            return null;
        }
        return new ChatMessage("system", content(parts), null, List.of());
    }

    private ChatMessage message(JsonNode message) {
        JsonNode parts = message.path("parts");
        List<ChatMessage.ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode part : parts) {
            if ("tool_call".equals(text(part.path("type")))) {
                toolCalls.add(new ChatMessage.ToolCall(text(part.path("id")), text(part.path("name")),
                        json(part.path("arguments"))));
            }
        }
        return new ChatMessage(text(message.path("role")), content(parts), text(message.path("name")), toolCalls);
    }

    private static String content(JsonNode parts) {
        List<String> texts = new ArrayList<>();
        for (JsonNode part : parts) {
            String type = text(part.path("type"));
            if ("text".equals(type)) {
                addIfPresent(texts, text(part.path("content")));
            } else if ("tool_call_response".equals(type)) {
                addIfPresent(texts, json(part.path("response")));
            }
        }
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    private JsonNode array(String key, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return objectMapper.createArrayNode();
        }
        JsonNode node;
        if (value instanceof String text) {
            try {
                node = objectMapper.readTree(text);
            } catch (JsonProcessingException e) {
                throw new SpanRejectedException("attribute '" + key + "' must be a JSON array, but is not valid JSON: "
                        + e.getOriginalMessage());
            }
        } else {
            node = objectMapper.valueToTree(value);
        }
        if (node == null || !node.isArray()) {
            throw new SpanRejectedException("attribute '" + key + "' must be a JSON array");
        }
        return node;
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }

    /** Text as it is; any other JSON value as its JSON text. */
    private static String json(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
