package io.ledgerline.collector.receiver.otlp;

import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Reads messages that instrumentations flatten into numbered attributes:
 * OpenLLMetry's {@code gen_ai.prompt.N.role/content} and {@code gen_ai.completion.N.role/content/finish_reason/
 * tool_calls.M.name/arguments}, and OpenInference's {@code llm.input_messages.N.message.role/content/contents.K…/
 * tool_calls.M.tool_call.function.name/arguments}. The {@link Keys} of each convention name the sub-keys.
 */
final class FlattenedMessages {

    /** The sub-keys of one flattened message convention, relative to {@code <list prefix>.N.}. */
    record Keys(String message, String toolCall, String contentPart, String finishReason) {
    }

    static final Keys OPENLLMETRY = new Keys("", "", null, "finish_reason");
    static final Keys OPENINFERENCE = new Keys("message.", "tool_call.", "message_content.", null);

    private final AttributeText text;

    FlattenedMessages(AttributeText text) {
        this.text = text;
    }

    List<ChatMessage> messages(SpanAttributes attributes, String listPrefix, Keys keys) {
        List<ChatMessage> messages = new ArrayList<>();
        for (Map<String, Object> entry : attributes.indexed(listPrefix).values()) {
            String m = keys.message();
            messages.add(new ChatMessage(
                    text.of(entry.get(m + "role")),
                    content(entry, keys),
                    text.of(entry.get(m + "name")),
                    toolCalls(entry, keys)));
        }
        return messages;
    }

    /** The first finish reason among the flattened messages, or null (OpenInference has none). */
    String finishReason(SpanAttributes attributes, String listPrefix, Keys keys) {
        if (keys.finishReason() == null) {
            return null;
        }
        for (Map<String, Object> entry : attributes.indexed(listPrefix).values()) {
            String reason = text.of(entry.get(keys.message() + keys.finishReason()));
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private String content(Map<String, Object> entry, Keys keys) {
        String content = text.of(entry.get(keys.message() + "content"));
        if (content != null || keys.contentPart() == null) {
            return content;
        }
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> part : SpanAttributes.indexed(entry, keys.message() + "contents.").values()) {
            String partText = text.of(part.get(keys.contentPart() + "text"));
            if (partText != null) {
                texts.add(partText);
            }
        }
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    private List<ChatMessage.ToolCall> toolCalls(Map<String, Object> entry, Keys keys) {
        SortedMap<Integer, Map<String, Object>> calls =
                SpanAttributes.indexed(entry, keys.message() + "tool_calls.");
        List<ChatMessage.ToolCall> toolCalls = new ArrayList<>();
        for (Map<String, Object> call : calls.values()) {
            String t = keys.toolCall();
            String name = call.containsKey(t + "function.name") ? text.of(call.get(t + "function.name"))
                    : text.of(call.get(t + "name"));
            String arguments = call.containsKey(t + "function.arguments") ? text.of(call.get(t + "function.arguments"))
                    : text.of(call.get(t + "arguments"));
            toolCalls.add(new ChatMessage.ToolCall(text.of(call.get(t + "id")), name, arguments));
        }
        return toolCalls;
    }
}
