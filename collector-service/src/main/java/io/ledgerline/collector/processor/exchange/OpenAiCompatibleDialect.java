package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAI chat completions, legacy completions and embeddings, and every provider that copies those shapes (Azure
 * OpenAI, Groq, Mistral, DeepSeek, Together, OpenRouter, Cerebras, Hugging Face, Writer, …). Also the fallback for
 * unknown shapes, where it reads whatever usage block it recognises.
 */
final class OpenAiCompatibleDialect implements ApiDialect {

    @Override
    public void readRequest(JsonNode request, CallRecordBuilder call) {
        if (request == null) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode m : request.path("messages")) {
            messages.add(new ChatMessage(Json.text(m, "role"), Content.text(m.path("content")), Json.text(m, "name"),
                    Content.openAiToolCalls(m)));
        }
        addPlainInputs(request.path("prompt"), messages);
        addPlainInputs(request.path("input"), messages);
        // Replicate predictions: {"input": {"prompt": "..."}}
        addPlainInputs(request.path("input").path("prompt"), messages);
        call.inputMessages(messages);
    }

    // Completion prompts and embedding inputs: a string or a list of strings (token-id arrays carry no text).
    private static void addPlainInputs(JsonNode value, List<ChatMessage> messages) {
        if (value.isTextual()) {
            messages.add(ChatMessage.of("user", value.asText()));
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isTextual()) {
                    messages.add(ChatMessage.of("user", item.asText()));
                }
            }
        }
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
        call.responseModel(Json.text(doc, "model"));
        List<ChatMessage> outputs = new ArrayList<>();
        String finishReason = null;
        for (JsonNode choice : doc.path("choices")) {
            JsonNode message = choice.path("message");
            if (message.isObject()) {
                String text = Content.text(message.path("content"));
                // A refusal is the visible answer when the model declines.
                outputs.add(new ChatMessage(roleOr(Json.text(message, "role")),
                        text != null ? text : Json.text(message, "refusal"), null, Content.openAiToolCalls(message)));
            } else if (choice.has("text")) {
                outputs.add(ChatMessage.of("assistant", Json.text(choice, "text")));
            }
            if (finishReason == null) {
                finishReason = Json.text(choice, "finish_reason");
            }
        }
        call.outputMessages(outputs);
        call.finishReason(finishReason);
        call.usage(usageOf(doc));
    }

    private static void readStream(ResponseBody body, CallRecordBuilder call) {
        Map<Integer, StreamedMessage> choices = new TreeMap<>();
        String finishReason = null;
        JsonNode lastUsage = null;
        for (StreamEvent event : body.events()) {
            JsonNode chunk = event.data();
            if (!chunk.isObject()) {
                continue;
            }
            String model = Json.text(chunk, "model");
            if (model != null) {
                call.responseModel(model);
            }
            for (JsonNode choice : chunk.path("choices")) {
                StreamedMessage message = choices.computeIfAbsent(choice.path("index").asInt(0),
                        i -> new StreamedMessage());
                JsonNode delta = choice.path("delta");
                message.role(Json.text(delta, "role"));
                message.appendText(Json.rawText(delta, "content"));
                message.appendText(Json.rawText(choice, "text"));
                for (JsonNode toolCall : delta.path("tool_calls")) {
                    message.toolCall(toolCall.path("index").asInt(0), Json.text(toolCall, "id"),
                            Json.text(toolCall, "function", "name"), Json.rawText(toolCall, "function", "arguments"));
                }
                if (Json.text(choice, "finish_reason") != null) {
                    finishReason = Json.text(choice, "finish_reason");
                }
            }
            // Usage arrives once, in the final chunk (include_usage) — cumulative, so the last one wins.
            if (Json.isObject(chunk.get("usage"))) {
                lastUsage = chunk;
            }
        }
        List<ChatMessage> outputs = new ArrayList<>();
        choices.values().stream().filter(m -> !m.isEmpty()).forEach(m -> outputs.add(m.toMessage()));
        call.outputMessages(outputs);
        call.finishReason(finishReason);
        call.usage(lastUsage == null ? null : usageOf(lastUsage));
    }

    private static String roleOr(String role) {
        return role == null ? "assistant" : role;
    }

    /**
     * The OpenAI {@code usage} block, else the usage shapes of the OpenAI-like and legacy APIs met on the same
     * routes (Voyage total only, Llama and Titan on Bedrock, Aleph Alpha).
     */
    static Usage usageOf(JsonNode doc) {
        Usage usage = ReportedUsage.openAi(doc.get("usage"));
        if (usage != null) {
            return usage;
        }
        Long total = Json.number(doc, "usage", "total_tokens");
        if (total != null) {
            // Embedding APIs that report one figure: all of it is input.
            return ReportedUsage.plain(total, null);
        }
        if (doc.has("prompt_token_count") || doc.has("generation_token_count")) {
            return ReportedUsage.plain(Json.number(doc, "prompt_token_count"),
                    Json.number(doc, "generation_token_count"));
        }
        if (doc.has("inputTextTokenCount")) {
            long output = 0;
            for (JsonNode result : doc.path("results")) {
                output += result.path("tokenCount").asLong(0);
            }
            return ReportedUsage.plain(Json.number(doc, "inputTextTokenCount"), output);
        }
        if (doc.has("num_tokens_prompt_total")) {
            return ReportedUsage.plain(Json.number(doc, "num_tokens_prompt_total"),
                    Json.number(doc, "num_tokens_generated"));
        }
        return null;
    }
}
