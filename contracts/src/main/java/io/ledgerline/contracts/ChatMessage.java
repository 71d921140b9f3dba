package io.ledgerline.contracts;

import java.util.List;

/** One message of a conversation, after redaction. {@code content} is the text parts joined; null when none. */
public record ChatMessage(String role, String content, String name, List<ToolCall> toolCalls) {
    public ChatMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage of(String role, String content) {
        return new ChatMessage(role, content, null, List.of());
    }

    public record ToolCall(String id, String name, String arguments) {
    }
}
