package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/** Turns the many shapes of message content into the record's joined text and tool calls. */
final class Content {
    private Content() {
    }

    /**
     * The text of a content value: a string, or an array of parts whose {@code text} fields are joined with a
     * newline (images, audio and other non-text parts are skipped). Null when there is no text.
     */
    static String text(JsonNode content) {
        if (content == null || content.isMissingNode() || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : content) {
                String text = part.isTextual() ? part.asText() : partText(part);
                if (text != null) {
                    parts.add(text);
                }
            }
            return parts.isEmpty() ? null : String.join("\n", parts);
        }
        return partText(content);
    }

    private static String partText(JsonNode part) {
        // Hidden reasoning parts are not visible content.
        if (part.path("thought").asBoolean(false) || "thinking".equals(Json.text(part, "type"))
                || "redacted_thinking".equals(Json.text(part, "type"))) {
            return null;
        }
        JsonNode text = part.path("text");
        if (text.isTextual()) {
            return text.asText();
        }
        if (text.isObject()) {
            // Bedrock guardContent: {"text": {"text": "..."}}
            return Json.text(text, "text");
        }
        return null;
    }

    /** Arguments as the JSON text a model produced, whether the body holds them as a string or as an object. */
    static String arguments(JsonNode arguments) {
        if (arguments == null || arguments.isMissingNode() || arguments.isNull()) {
            return null;
        }
        return arguments.isTextual() ? arguments.asText() : Json.write(arguments);
    }

    /** OpenAI-style {@code tool_calls} ({@code {id, function: {name, arguments}}}) plus a legacy {@code function_call}. */
    static List<ChatMessage.ToolCall> openAiToolCalls(JsonNode message) {
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            calls.add(new ChatMessage.ToolCall(Json.text(call, "id"), Json.text(call, "function", "name"),
                    arguments(call.path("function").path("arguments"))));
        }
        JsonNode legacy = message.path("function_call");
        if (legacy.isObject()) {
            calls.add(new ChatMessage.ToolCall(null, Json.text(legacy, "name"), arguments(legacy.path("arguments"))));
        }
        return calls;
    }
}
