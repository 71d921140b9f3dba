package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI Responses API ({@code /v1/responses}), JSON and SSE. A stream ends with {@code response.completed}
 * (or {@code .incomplete} / {@code .failed}) carrying the whole response object, usage included; only when that
 * final event is missing is the text assembled from the deltas.
 */
final class OpenAiResponsesDialect implements ApiDialect {

    @Override
    public void readRequest(JsonNode request, CallRecordBuilder call) {
        if (request == null) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>();
        String instructions = Json.rawText(request, "instructions");
        if (instructions != null) {
            messages.add(ChatMessage.of("system", instructions));
        }
        JsonNode input = request.path("input");
        if (input.isTextual()) {
            messages.add(ChatMessage.of("user", input.asText()));
        }
        for (JsonNode item : input.isArray() ? input : List.<JsonNode>of()) {
            String type = Json.text(item, "type");
            if ("function_call".equals(type)) {
                messages.add(new ChatMessage("assistant", null, null, List.of(toolCall(item))));
            } else if ("function_call_output".equals(type)) {
                messages.add(ChatMessage.of("tool", Content.text(item.path("output"))));
            } else if (item.has("role")) {
                messages.add(ChatMessage.of(Json.text(item, "role"), Content.text(item.path("content"))));
            }
        }
        call.inputMessages(messages);
    }

    @Override
    public void readResponse(ResponseBody body, CallRecordBuilder call) {
        if (!body.isStream()) {
            if (Json.isObject(body.document())) {
                readResponseObject(body.document(), call);
            }
            return;
        }
        JsonNode last = null;
        StreamedMessage deltas = new StreamedMessage();
        for (StreamEvent event : body.events()) {
            String type = event.name() != null ? event.name() : Json.text(event.data(), "type");
            JsonNode response = event.data().path("response");
            if (response.isObject()) {
                last = response;
            }
            if ("response.output_text.delta".equals(type)) {
                deltas.appendText(Json.rawText(event.data(), "delta"));
            }
            if ("error".equals(type)) {
                call.status(CallStatus.ERROR).errorType(first(Json.text(event.data(), "code"),
                        Json.text(event.data(), "error", "code"), "stream_error"));
            }
        }
        if (last != null) {
            readResponseObject(last, call);
        }
        if ((call.outputMessages() == null || call.outputMessages().isEmpty()) && !deltas.isEmpty()) {
            call.outputMessages(List.of(deltas.toMessage()));
        }
    }

    private static void readResponseObject(JsonNode response, CallRecordBuilder call) {
        call.responseModel(Json.text(response, "model"));
        List<ChatMessage> outputs = new ArrayList<>();
        List<ChatMessage.ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode item : response.path("output")) {
            String type = Json.text(item, "type");
            if ("message".equals(type)) {
                outputs.add(ChatMessage.of("assistant", Content.text(item.path("content"))));
            } else if ("function_call".equals(type)) {
                toolCalls.add(toolCall(item));
            }
        }
        if (!toolCalls.isEmpty()) {
            outputs.add(new ChatMessage("assistant", null, null, toolCalls));
        }
        call.outputMessages(outputs);
        // The Responses API has no finish_reason: its status is the word it uses ("completed"), and an
        // incomplete response names why ("max_output_tokens", "content_filter").
        String status = Json.text(response, "status");
        String incompleteReason = Json.text(response, "incomplete_details", "reason");
        call.finishReason(incompleteReason != null ? incompleteReason : status);
        call.usage(ReportedUsage.openAi(response.get("usage")));
        JsonNode error = response.path("error");
        if (error.isObject()) {
            call.status(CallStatus.ERROR).errorType(first(Json.text(error, "code"), Json.text(error, "type"),
                    "response_failed"));
        }
    }

    private static ChatMessage.ToolCall toolCall(JsonNode item) {
        return new ChatMessage.ToolCall(first(Json.text(item, "call_id"), Json.text(item, "id")),
                Json.text(item, "name"), Content.arguments(item.path("arguments")));
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
