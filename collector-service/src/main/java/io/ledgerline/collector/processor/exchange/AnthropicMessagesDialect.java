package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic Messages API, direct or through Bedrock InvokeModel (same bodies; Bedrock's stream wraps the same events
 * in AWS frames). In a stream, input and cache figures come from {@code message_start} and the output from the LAST
 * {@code message_delta}; a later delta's figures are cumulative and replace earlier ones, never add to them.
 */
final class AnthropicMessagesDialect implements ApiDialect {

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

    /** Text blocks and tool results become the content; tool_use blocks become tool calls. */
    private static ChatMessage message(String role, JsonNode content) {
        if (!content.isArray()) {
            return ChatMessage.of(role, Content.text(content));
        }
        List<String> texts = new ArrayList<>();
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            String type = Json.text(block, "type");
            if ("tool_use".equals(type)) {
                calls.add(new ChatMessage.ToolCall(Json.text(block, "id"), Json.text(block, "name"),
                        Content.arguments(block.path("input"))));
            } else if ("tool_result".equals(type)) {
                addIfPresent(texts, Content.text(block.path("content")));
            } else {
                addIfPresent(texts, Content.text(block));
            }
        }
        return new ChatMessage(role, texts.isEmpty() ? null : String.join("\n", texts), null, calls);
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null) {
            texts.add(text);
        }
    }

    @Override
    public void readResponse(ResponseBody body, CallRecordBuilder call) {
        if (body.isStream()) {
            readStream(body, call);
            return;
        }
        JsonNode doc = body.document();
        if (!Json.isObject(doc) || !"message".equals(Json.text(doc, "type")) && !doc.has("content")) {
            return;
        }
        call.responseModel(Json.text(doc, "model"));
        call.outputMessages(List.of(message(roleOr(Json.text(doc, "role")), doc.path("content"))));
        call.finishReason(Json.text(doc, "stop_reason"));
        call.usage(ReportedUsage.anthropic(doc.get("usage")));
    }

    private static void readStream(ResponseBody body, CallRecordBuilder call) {
        StreamedMessage message = new StreamedMessage();
        ObjectNode usage = null;
        Usage invocationMetrics = null;
        for (StreamEvent event : body.events()) {
            JsonNode data = event.data();
            String type = Json.text(data, "type") != null ? Json.text(data, "type") : event.name();
            if (type == null) {
                continue;
            }
            switch (type) {
                case "message_start" -> {
                    JsonNode start = data.path("message");
                    call.responseModel(Json.text(start, "model"));
                    message.role(Json.text(start, "role"));
                    usage = start.path("usage").isObject() ? ((ObjectNode) start.path("usage")).deepCopy() : null;
                }
                case "content_block_start" -> {
                    JsonNode block = data.path("content_block");
                    if ("tool_use".equals(Json.text(block, "type"))) {
                        message.toolCall(data.path("index").asInt(), Json.text(block, "id"), Json.text(block, "name"),
                                null);
                    } else if ("text".equals(Json.text(block, "type"))) {
                        message.appendText(Json.rawText(block, "text"));
                    }
                }
                case "content_block_delta" -> {
                    JsonNode delta = data.path("delta");
                    message.appendText(Json.rawText(delta, "text"));
                    String json = Json.rawText(delta, "partial_json");
                    if (json != null) {
                        message.toolCall(data.path("index").asInt(), null, null, json);
                    }
                }
                case "message_delta" -> {
                    String stop = Json.text(data, "delta", "stop_reason");
                    if (stop != null) {
                        call.finishReason(stop);
                    }
                    if (data.path("usage").isObject()) {
                        usage = usage == null ? Json.mapper().createObjectNode() : usage;
                        usage.setAll((ObjectNode) data.path("usage"));
                    }
                }
                case "message_stop" -> invocationMetrics =
                        ReportedUsage.bedrockInvocationMetrics(data.get("amazon-bedrock-invocationMetrics"));
                case "error", ResponseBodyDecoder.AWS_EXCEPTION -> call.status(CallStatus.ERROR).errorType(
                        firstNonNull(Json.text(data, "error", "type"), Json.text(data, "exceptionType"),
                                "stream_error"));
                default -> {
                }
            }
        }
        if (!message.isEmpty()) {
            call.outputMessages(List.of(message.toMessage()));
        }
        Usage reported = ReportedUsage.anthropic(usage);
        call.usage(reported != null ? reported : invocationMetrics);
    }

    private static String roleOr(String role) {
        return role == null ? "assistant" : role;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
