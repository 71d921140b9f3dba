package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** Splits a Server-Sent Events body into events (WHATWG rules: blank line ends an event, {@code :} starts a comment). */
final class SseReader {
    private SseReader() {
    }

    static List<StreamEvent> read(String body) {
        List<StreamEvent> events = new ArrayList<>();
        String name = null;
        StringBuilder data = null;
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                addEvent(events, name, data);
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                continue;
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    name = value;
                } else if (field.equals("data")) {
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        }
        addEvent(events, name, data);
        return events;
    }

    private static void addEvent(List<StreamEvent> events, String name, StringBuilder data) {
        if (data == null) {
            return;
        }
        String payload = data.toString();
        // OpenAI-style end-of-stream marker carries no content.
        if (payload.isBlank() && name == null || payload.trim().equals("[DONE]")) {
            return;
        }
        JsonNode json = Json.parseOrNull(payload);
        events.add(new StreamEvent(name, json != null ? json : TextNode.valueOf(payload)));
    }

    /** True when the text looks like SSE even if the content type did not say so. */
    static boolean looksLikeSse(String body) {
        String start = body.stripLeading();
        return start.startsWith("data:") || start.startsWith("event:") || start.startsWith(": ");
    }
}
