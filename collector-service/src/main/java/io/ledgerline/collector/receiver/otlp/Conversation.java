package io.ledgerline.collector.receiver.otlp;

import io.ledgerline.contracts.ChatMessage;
import java.util.List;

/** The messages of one LLM call read from a span, and the finish reason its output messages carry (or null). */
record Conversation(List<ChatMessage> input, List<ChatMessage> output, String finishReason) {
}
