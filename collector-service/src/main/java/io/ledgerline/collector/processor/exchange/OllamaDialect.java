package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's native API ({@code /api/chat}, {@code /api/generate}, {@code /api/embed}), JSON or NDJSON stream. The
 * final object ({@code done: true}) carries {@code prompt_eval_count} (input) and {@code eval_count} (output).
 */
final class OllamaDialect implements ApiDialect {

    @Override
    public void readRequest(JsonNode request, CallRecordBuilder call) {
        if (request == null) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>();
        String system = Json.rawText(request, "system");
        if (system != null) {
            messages.add(ChatMessage.of("system", system));
        }
        for (JsonNode m : request.path("messages")) {
            messages.add(new ChatMessage(Json.text(m, "role"), Content.text(m.path("content")), null,
                    Content.openAiToolCalls(m)));
        }
        if (request.path("prompt").isTextual()) {
            messages.add(ChatMessage.of("user", request.path("prompt").asText()));
        }
        JsonNode input = request.path("input");
        for (JsonNode item : input.isArray() ? input : List.of(input)) {
            if (item.isTextual()) {
                messages.add(ChatMessage.of("user", item.asText()));
            }
        }
        call.inputMessages(messages);
    }

    @Override
    public void readResponse(ResponseBody body, CallRecordBuilder call) {
        List<JsonNode> chunks = new ArrayList<>();
        if (body.isStream()) {
            body.events().forEach(e -> chunks.add(e.data()));
        } else if (Json.isObject(body.document())) {
            chunks.add(body.document());
        }
        StreamedMessage message = new StreamedMessage();
        int toolCalls = 0;
        for (JsonNode chunk : chunks) {
            call.responseModel(Json.text(chunk, "model") != null ? Json.text(chunk, "model") : call.responseModel());
            message.appendText(Json.rawText(chunk, "message", "content"));
            message.appendText(Json.rawText(chunk, "response"));
            for (ChatMessage.ToolCall toolCall : Content.openAiToolCalls(chunk.path("message"))) {
                message.toolCall(toolCalls++, toolCall.id(), toolCall.name(), toolCall.arguments());
            }
            if (chunk.path("done").asBoolean(false)) {
                call.finishReason(Json.text(chunk, "done_reason"));
                call.usage(ReportedUsage.plain(Json.number(chunk, "prompt_eval_count"),
                        Json.number(chunk, "eval_count")));
            } else if (chunk.has("prompt_eval_count") && !chunk.has("done")) {
                // /api/embed answers with one object that has no "done" flag.
                call.usage(ReportedUsage.plain(Json.number(chunk, "prompt_eval_count"), null));
            }
        }
        if (!message.isEmpty()) {
            call.outputMessages(List.of(message.toMessage()));
        }
    }
}
