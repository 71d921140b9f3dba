package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Removes the wire framing of a response body: plain JSON, SSE, NDJSON or the AWS binary event stream. */
final class ResponseBodyDecoder {
    /** Name given to AWS exception frames, so dialects can treat them as stream errors. */
    static final String AWS_EXCEPTION = "exception";

    private ResponseBodyDecoder() {
    }

    static ResponseBody decode(RawExchange exchange) {
        String body = exchange.responseBody();
        String contentType = exchange.responseHeader("content-type");
        contentType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body == null || body.isEmpty()) {
            return ResponseBody.ofDocument(null, "");
        }
        if (exchange.responseBodyBase64()) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new InvalidExchangeException("response.body", "flagged as base64 but is not valid base64");
            }
            if (contentType.contains("amazon.eventstream") || contentType.isEmpty()) {
                return ResponseBody.ofEvents(awsEvents(AwsEventStreamDecoder.decode(bytes)), body);
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (contentType.contains("event-stream") || SseReader.looksLikeSse(body)) {
            return ResponseBody.ofEvents(SseReader.read(body), body);
        }
        JsonNode document = Json.parseOrNull(body);
        if (document != null) {
            return ResponseBody.ofDocument(document, body);
        }
        List<StreamEvent> lines = ndjson(body);
        if (lines != null) {
            return ResponseBody.ofEvents(lines, body);
        }
        return ResponseBody.ofDocument(null, body);
    }

    /** One JSON value per line (Ollama, Cohere v1 streams); null when any non-blank line is not JSON. */
    private static List<StreamEvent> ndjson(String body) {
        List<StreamEvent> events = new ArrayList<>();
        for (String line : body.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json = Json.parseOrNull(line);
            if (json == null) {
                return null;
            }
            events.add(new StreamEvent(null, json));
        }
        return events.isEmpty() ? null : events;
    }

    private static List<StreamEvent> awsEvents(AwsEventStreamDecoder.Result decoded) {
        List<StreamEvent> events = new ArrayList<>();
        for (AwsEventStreamDecoder.Frame frame : decoded.frames()) {
            JsonNode payload = Json.parseOrNull(frame.payload());
            String messageType = frame.headers().getOrDefault(":message-type", "event");
            if (!messageType.equals("event")) {
                ObjectNode error = Json.mapper().createObjectNode();
                error.put("exceptionType", frame.headers().getOrDefault(":exception-type",
                        frame.headers().getOrDefault(":error-code", messageType)));
                error.put("message", payload == null ? new String(frame.payload(), StandardCharsets.UTF_8)
                        : String.valueOf(Json.text(payload, "message")));
                events.add(new StreamEvent(AWS_EXCEPTION, error));
                continue;
            }
            String name = frame.headers().get(":event-type");
            // invoke-with-response-stream wraps the model's own stream events as base64 in a "bytes" field.
            String wrapped = Json.text(payload, "bytes");
            if (wrapped != null) {
                JsonNode inner = decodeWrapped(wrapped);
                if (inner != null) {
                    events.add(new StreamEvent(Json.text(inner, "type"), inner));
                    continue;
                }
            }
            events.add(new StreamEvent(name, payload != null ? payload
                    : TextNode.valueOf(new String(frame.payload(), StandardCharsets.UTF_8))));
        }
        return events;
    }

    private static JsonNode decodeWrapped(String base64) {
        try {
            return Json.parseOrNull(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
