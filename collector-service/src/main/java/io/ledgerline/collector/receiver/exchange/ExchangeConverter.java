package io.ledgerline.collector.receiver.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.collector.processor.exchange.ExchangeParser;
import io.ledgerline.collector.processor.exchange.InvalidExchangeException;
import io.ledgerline.collector.processor.exchange.RawExchange;
import io.ledgerline.collector.receiver.InvalidItemException;
import io.ledgerline.collector.receiver.ItemConverter;
import io.ledgerline.collector.receiver.JsonFields;
import io.ledgerline.contracts.CallRecordBuilder;
import java.time.Instant;
import java.util.Map;

/**
 * Reads one provider exchange of DESIGN.md §13 ({@code provider, request, response, startTime, endTime,
 * timeToFirstTokenMs, metadata}) and hands it to the same parser the proxy uses.
 */
public class ExchangeConverter implements ItemConverter {
    private final ExchangeParser parser;

    public ExchangeConverter(ExchangeParser parser) {
        this.parser = parser;
    }

    @Override
    public CallRecordBuilder convert(JsonNode item) {
        RawExchange exchange = read(item);
        try {
            return parser.parse(exchange);
        } catch (InvalidExchangeException e) {
            throw new InvalidItemException(e.field(), e.reason());
        }
    }

    @Override
    public String clientCallId(JsonNode item) {
        JsonNode metadata = item.get("metadata");
        return metadata != null && metadata.hasNonNull("callId") ? metadata.get("callId").asText() : null;
    }

    static RawExchange read(JsonNode item) {
        String provider = JsonFields.text(item, "provider", "provider", false);
        JsonNode request = JsonFields.object(item, "request", "request", true);
        JsonNode response = JsonFields.object(item, "response", "response", true);
        String method = JsonFields.text(request, "method", "request.method", false);
        String url = JsonFields.text(request, "url", "request.url", true);
        if (!url.matches("(?i)^https?://.+")) {
            throw new InvalidItemException("request.url", "must be an absolute http(s) URL, not '" + url + "'");
        }
        Long status = JsonFields.wholeNumber(response, "status", "response.status", 100, 599);
        if (status == null) {
            throw new InvalidItemException("response.status", "is required (the HTTP status code)");
        }
        String encoding = JsonFields.text(response, "bodyEncoding", "response.bodyEncoding", false);
        if (encoding != null && !encoding.equals("text") && !encoding.equals("base64")) {
            throw new InvalidItemException("response.bodyEncoding", "must be 'text' or 'base64', not '" + encoding + "'");
        }
        Instant start = JsonFields.instant(item, "startTime", "startTime", true);
        Instant end = JsonFields.instant(item, "endTime", "endTime", false);
        if (end != null && end.isBefore(start)) {
            throw new InvalidItemException("endTime", "is before startTime");
        }
        Long ttft = JsonFields.wholeNumber(item, "timeToFirstTokenMs", "timeToFirstTokenMs", 0, Long.MAX_VALUE);
        Map<String, Object> metadata = JsonFields.plainMap(item, "metadata", "metadata");
        return new RawExchange(provider, method == null ? "POST" : method, url,
                JsonFields.headers(request, "headers", "request.headers"), body(request, "request.body"),
                status.intValue(), JsonFields.headers(response, "headers", "response.headers"),
                body(response, "response.body"), "base64".equals(encoding), start, end == null ? start : end, ttft,
                metadata);
    }

    /** A body is the raw text as it went over the wire; a JSON object or array given instead is taken as that text. */
    private static String body(JsonNode parent, String path) {
        JsonNode node = parent.get("body");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isContainerNode()) {
            return node.toString();
        }
        throw new InvalidItemException(path, "must be the raw body text (or a JSON object), not " + JsonFields.kind(node));
    }
}
