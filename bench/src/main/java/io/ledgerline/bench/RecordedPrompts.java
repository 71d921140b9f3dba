package io.ledgerline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.infra.ExchangeSource;
import java.util.ArrayList;
import java.util.List;

/** The last user turn of every recorded chat request that has a plain-text one (OpenAI and Anthropic shapes). */
final class RecordedPrompts {
    private RecordedPrompts() {
    }

    static List<String> from(List<ExchangeSource.Item> items, ObjectMapper mapper) {
        List<String> prompts = new ArrayList<>();
        for (ExchangeSource.Item item : items) {
            JsonNode request = item.exchange().path("request");
            JsonNode body;
            try {
                body = mapper.readTree(request.path("body").asText(""));
            } catch (Exception e) {
                continue; // not JSON (a form body, an event stream): no prompt to take
            }
            String last = null;
            for (JsonNode message : body == null ? mapper.createArrayNode() : body.path("messages")) {
                if ("user".equals(message.path("role").asText()) && message.path("content").isTextual()) {
                    last = message.path("content").asText();
                }
            }
            if (last != null && !last.isBlank()) {
                prompts.add(last);
            }
        }
        return prompts;
    }
}
