package io.ledgerline.collector.processor.exchange;

import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Assembles one output message from stream deltas: text pieces and tool calls addressed by their index. */
final class StreamedMessage {
    private String role = "assistant";
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, ToolCallParts> toolCalls = new TreeMap<>();

    private static final class ToolCallParts {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }

    void role(String role) {
        if (role != null) {
            this.role = role;
        }
    }

    void appendText(String piece) {
        if (piece != null) {
            text.append(piece);
        }
    }

    /** Adds to the tool call at {@code index}; id and name arrive once, arguments arrive in pieces. */
    void toolCall(int index, String id, String name, String argumentsPiece) {
        ToolCallParts parts = toolCalls.computeIfAbsent(index, i -> new ToolCallParts());
        if (id != null) {
            parts.id = id;
        }
        if (name != null) {
            parts.name = name;
        }
        if (argumentsPiece != null) {
            parts.arguments.append(argumentsPiece);
        }
    }

    boolean isEmpty() {
        return text.length() == 0 && toolCalls.isEmpty();
    }

    ChatMessage toMessage() {
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        toolCalls.values().forEach(p -> calls.add(new ChatMessage.ToolCall(p.id, p.name,
                p.arguments.length() == 0 ? null : p.arguments.toString())));
        return new ChatMessage(role, text.length() == 0 ? null : text.toString(), null, calls);
    }
}
