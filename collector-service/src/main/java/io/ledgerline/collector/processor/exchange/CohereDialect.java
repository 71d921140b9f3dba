package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cohere chat v1 ({@code message} + {@code chat_history}, NDJSON stream) and v2 (OpenAI-like messages, SSE stream),
 * rerank and embed. Usage is the {@code billed_units} block: what Cohere charges for.
 */
final class CohereDialect implements ApiDialect {

    @Override
    public void readRequest(JsonNode request, CallRecordBuilder call) {
        if (request == null) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>();
        String preamble = Json.rawText(request, "preamble");
        if (preamble != null) {
            messages.add(ChatMessage.of("system", preamble));
        }
        for (JsonNode turn : request.path("chat_history")) {
            messages.add(ChatMessage.of(role(Json.text(turn, "role")), Json.rawText(turn, "message")));
        }
        for (JsonNode m : request.path("messages")) {
            messages.add(new ChatMessage(Json.text(m, "role"), Content.text(m.path("content")), null,
                    Content.openAiToolCalls(m)));
        }
        for (String field : List.of("message", "query", "prompt")) {
            if (request.path(field).isTextual()) {
                messages.add(ChatMessage.of("user", request.path(field).asText()));
            }
        }
        for (JsonNode text : request.path("texts")) {
            messages.add(ChatMessage.of("user", text.asText()));
        }
        call.inputMessages(messages);
    }

    // v1 roles are upper-case and call the assistant CHATBOT.
    private static String role(String v1Role) {
        if (v1Role == null) {
            return null;
        }
        String lower = v1Role.toLowerCase(Locale.ROOT);
        return lower.equals("chatbot") ? "assistant" : lower;
    }

    @Override
    public void readResponse(ResponseBody body, CallRecordBuilder call) {
        if (body.isStream()) {
            readStream(body, call);
        } else if (Json.isObject(body.document())) {
            readDocument(body.document(), call);
        }
    }

    private static void readDocument(JsonNode doc, CallRecordBuilder call) {
        JsonNode message = doc.path("message");
        if (message.isObject()) {
            call.outputMessages(List.of(new ChatMessage("assistant", Content.text(message.path("content")), null,
                    Content.openAiToolCalls(message))));
        } else if (doc.path("text").isTextual()) {
            call.outputMessages(List.of(ChatMessage.of("assistant", doc.path("text").asText())));
        }
        finishReason(Json.text(doc, "finish_reason"), call);
        JsonNode billed = doc.path("usage").path("billed_units");
        call.usage(ReportedUsage.cohere(billed.isObject() ? billed : doc.path("meta").path("billed_units")));
    }

    private static void readStream(ResponseBody body, CallRecordBuilder call) {
        StreamedMessage message = new StreamedMessage();
        for (StreamEvent event : body.events()) {
            JsonNode data = event.data();
            String type = Json.text(data, "type") != null ? Json.text(data, "type") : Json.text(data, "event_type");
            if (type == null) {
                continue;
            }
            switch (type) {
                case "content-delta" -> message.appendText(Json.rawText(data, "delta", "message", "content", "text"));
                case "text-generation" -> message.appendText(Json.rawText(data, "text"));
                case "tool-call-start" -> {
                    JsonNode toolCall = data.path("delta").path("message").path("tool_calls");
                    message.toolCall(data.path("index").asInt(), Json.text(toolCall, "id"),
                            Json.text(toolCall, "function", "name"),
                            Json.rawText(toolCall, "function", "arguments"));
                }
                case "tool-call-delta" -> message.toolCall(data.path("index").asInt(), null, null,
                        Json.rawText(data, "delta", "message", "tool_calls", "function", "arguments"));
                case "message-end" -> {
                    finishReason(Json.text(data, "delta", "finish_reason"), call);
                    call.usage(ReportedUsage.cohere(data.path("delta").path("usage").path("billed_units")));
                }
                case "stream-end" -> {
                    finishReason(Json.text(data, "finish_reason"), call);
                    call.usage(ReportedUsage.cohere(data.path("response").path("meta").path("billed_units")));
                }
                default -> {
                }
            }
        }
        if (!message.isEmpty()) {
            call.outputMessages(List.of(message.toMessage()));
        }
    }

    private static void finishReason(String reason, CallRecordBuilder call) {
        if (reason != null) {
            call.finishReason(reason.toLowerCase(Locale.ROOT));
        }
    }
}
