package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gemini API and Vertex AI {@code generateContent} / {@code streamGenerateContent}. A stream is SSE ({@code alt=sse})
 * or one JSON array of chunks; each chunk's {@code usageMetadata} is cumulative, so the last one is the call's.
 */
final class GeminiDialect implements ApiDialect {

    @Override
    public void readRequest(JsonNode request, CallRecordBuilder call) {
        if (request == null) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>();
        JsonNode system = request.has("systemInstruction") ? request.path("systemInstruction")
                : request.path("system_instruction");
        String systemText = Content.text(system.path("parts"));
        if (systemText != null) {
            messages.add(ChatMessage.of("system", systemText));
        }
        for (JsonNode content : request.path("contents")) {
            messages.add(message(content));
        }
        call.inputMessages(messages);
    }

    private static ChatMessage message(JsonNode content) {
        String role = Json.text(content, "role");
        List<String> texts = new ArrayList<>();
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode part : content.path("parts")) {
            JsonNode functionCall = part.path("functionCall");
            if (functionCall.isObject()) {
                calls.add(new ChatMessage.ToolCall(Json.text(functionCall, "id"), Json.text(functionCall, "name"),
                        Content.arguments(functionCall.path("args"))));
            } else if (part.path("functionResponse").isObject()) {
                texts.add(Json.write(part.path("functionResponse").path("response")));
            } else {
                String text = Content.text(part);
                if (text != null) {
                    texts.add(text);
                }
            }
        }
        // Gemini calls the assistant "model"; the record uses one vocabulary for all providers.
        return new ChatMessage("model".equals(role) ? "assistant" : role,
                texts.isEmpty() ? null : String.join("", texts), null, calls);
    }

    @Override
    public void readResponse(ResponseBody body, CallRecordBuilder call) {
        List<JsonNode> chunks = new ArrayList<>();
        if (body.isStream()) {
            body.events().forEach(e -> chunks.add(e.data()));
        } else if (body.document() != null && body.document().isArray()) {
            body.document().forEach(chunks::add);
        } else if (Json.isObject(body.document())) {
            chunks.add(body.document());
        }
        StreamedMessage message = new StreamedMessage();
        JsonNode usage = null;
        int toolCalls = 0;
        for (JsonNode chunk : chunks) {
            String model = Json.text(chunk, "modelVersion");
            if (model != null) {
                call.responseModel(model);
            }
            JsonNode candidate = chunk.path("candidates").path(0);
            if (candidate.isObject()) {
                ChatMessage piece = message(candidate.path("content"));
                message.appendText(piece.content());
                // Gemini sends each function call whole, never in pieces: each one is a new tool call.
                for (ChatMessage.ToolCall toolCall : piece.toolCalls()) {
                    message.toolCall(toolCalls++, toolCall.id(), toolCall.name(), toolCall.arguments());
                }
                String finish = Json.text(candidate, "finishReason");
                if (finish != null) {
                    call.finishReason(finish.toLowerCase(Locale.ROOT));
                }
            }
            String blocked = Json.text(chunk, "promptFeedback", "blockReason");
            if (blocked != null) {
                call.finishReason(blocked.toLowerCase(Locale.ROOT));
            }
            if (chunk.path("usageMetadata").isObject()) {
                usage = chunk.path("usageMetadata");
            }
        }
        if (!message.isEmpty()) {
            call.outputMessages(List.of(message.toMessage()));
        }
        call.usage(ReportedUsage.gemini(usage));
    }
}
