package io.ledgerline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start and end time of a recorded exchange, from its response headers. The {@code Date} header (RFC 1123) is the
 * end; the start is the end minus the first server-side duration header found (in this order), else the end itself.
 * Without a {@code Date} header the replay time is used.
 */
public final class ExchangeTiming {

    /** Duration headers in milliseconds, best first; these are the ones present in data/recorded-calls. */
    public static final List<String> DURATION_HEADERS = List.of(
            "openai-processing-ms",              // OpenAI, Azure OpenAI
            "x-envoy-upstream-service-time",     // Anthropic, Cohere, Mistral, OpenAI
            "x-amzn-bedrock-invocation-latency", // AWS Bedrock
            "x-kong-upstream-latency",           // Mistral
            "cmp-upstream-response-duration",    // Azure OpenAI
            "x-total-time",                      // Together
            "req-cost-time");

    public record Times(Instant start, Instant end) {
    }

    private ExchangeTiming() {
    }

    /** @param headers the cassette's response headers: name → array of values (or a single value) */
    public static Times of(JsonNode headers, Instant replayTime) {
        Optional<Instant> date = header(headers, "date").flatMap(ExchangeTiming::parseHttpDate);
        Instant end = date.orElse(replayTime);
        Optional<Long> millis = Optional.empty();
        for (String name : DURATION_HEADERS) {
            millis = header(headers, name).flatMap(ExchangeTiming::parseMillis);
            if (millis.isPresent()) {
                break;
            }
        }
        Instant start = millis.map(ms -> end.minus(Duration.ofMillis(ms))).orElse(end);
        return new Times(start, end);
    }

    static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> parseMillis(String value) {
        try {
            double ms = Double.parseDouble(value.trim());
            return ms >= 0 && Double.isFinite(ms) ? Optional.of(Math.round(ms)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** First value of a header, name compared case-insensitively. */
    static Optional<String> header(JsonNode headers, String name) {
        if (headers == null || !headers.isObject()) {
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                JsonNode value = entry.getValue();
                JsonNode first = value.isArray() ? value.path(0) : value;
                return first.isValueNode() && !first.isNull() ? Optional.of(first.asText()) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
