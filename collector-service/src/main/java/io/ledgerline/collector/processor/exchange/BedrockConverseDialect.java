package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Bedrock Converse and ConverseStream (one shape for every model family on Bedrock). The stream's last
 * {@code metadata} event carries the usage; its {@code messageStop} the stop reason.
 */
final class BedrockConverseDialect implements ApiDialect {

    @Override
    public void readRequest(JsonNode request, CallRecordBuilder call) {
        if (request == null) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>();
        String system = Content.text(request.path("system"));
        if (system != null) {
            messages.add(ChatMessage.of("system", system));
        }
        for (JsonNode m : request.path("messages")) {
            messages.add(message(Json.text(m, "role"), m.path("content")));
        }
        call.inputMessages(messages);
    }

    private static ChatMessage message(String role, JsonNode content) {
        List<String> texts = new ArrayList<>();
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            JsonNode toolUse = block.path("toolUse");
            if (toolUse.isObject()) {
                calls.add(new ChatMessage.ToolCall(Json.text(toolUse, "toolUseId"), Json.text(toolUse, "name"),
                        Content.arguments(toolUse.path("input"))));
                continue;
            }
            String text = block.has("toolResult") ? toolResultText(block.path("toolResult"))
                    : block.has("guardContent") ? Content.text(block.path("guardContent"))
                    : Content.text(block);
            if (text != null) {
                texts.add(text);
            }
        }
        return new ChatMessage(role, texts.isEmpty() ? null : String.join("\n", texts), null, calls);
    }

    private static String toolResultText(JsonNode toolResult) {
        List<String> parts = new ArrayList<>();
        for (JsonNode part : toolResult.path("content")) {
            if (part.has("text")) {
                parts.add(part.path("text").asText());
            } else if (part.has("json")) {
                parts.add(Json.write(part.path("json")));
            }
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    @Override
    public void readResponse(ResponseBody body, CallRecordBuilder call) {
        if (body.isStream()) {
            readStream(body, call);
            return;
        }
        JsonNode doc = body.document();
        if (!Json.isObject(doc)) {
            return;
        }
        JsonNode message = doc.path("output").path("message");
        if (message.isObject()) {
            call.outputMessages(List.of(message(Json.text(message, "role"), message.path("content"))));
        }
        call.finishReason(Json.text(doc, "stopReason"));
        call.usage(ReportedUsage.bedrockConverse(doc.get("usage")));
    }

    private static void readStream(ResponseBody body, CallRecordBuilder call) {
        StreamedMessage message = new StreamedMessage();
        for (StreamEvent event : body.events()) {
            JsonNode data = event.data();
            String name = event.name() == null ? "" : event.name();
            switch (name) {
                case "messageStart" -> message.role(Json.text(data, "role"));
                case "contentBlockStart" -> {
                    JsonNode toolUse = data.path("start").path("toolUse");
                    if (toolUse.isObject()) {
                        message.toolCall(data.path("contentBlockIndex").asInt(), Json.text(toolUse, "toolUseId"),
                                Json.text(toolUse, "name"), null);
                    }
                }
                case "contentBlockDelta" -> {
                    JsonNode delta = data.path("delta");
                    message.appendText(Json.rawText(delta, "text"));
                    String input = Json.rawText(delta, "toolUse", "input");
                    if (input != null) {
                        message.toolCall(data.path("contentBlockIndex").asInt(), null, null, input);
                    }
                }
                case "messageStop" -> call.finishReason(Json.text(data, "stopReason"));
                case "metadata" -> call.usage(ReportedUsage.bedrockConverse(data.get("usage")));
                case ResponseBodyDecoder.AWS_EXCEPTION -> call.status(CallStatus.ERROR)
                        .errorType(Json.text(data, "exceptionType"));
                default -> {
                }
            }
        }
        if (!message.isEmpty()) {
            call.outputMessages(List.of(message.toMessage()));
        }
    }
}
