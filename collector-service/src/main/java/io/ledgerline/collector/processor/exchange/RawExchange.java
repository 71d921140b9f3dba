package io.ledgerline.collector.processor.exchange;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One provider HTTP exchange as a proxy or an importer captured it (DESIGN.md §13, {@code POST /api/v1/exchanges}).
 * Header names are lower-cased. {@code provider} is an optional hint: null or {@code auto} means "detect from the
 * URL". Bodies are the raw wire text; a binary response body (AWS event stream) is base64 and flagged by
 * {@code responseBodyBase64}.
 */
public record RawExchange(
        String provider,
        String method,
        String url,
        Map<String, String> requestHeaders,
        String requestBody,
        int status,
        Map<String, String> responseHeaders,
        String responseBody,
        boolean responseBodyBase64,
        Instant startTime,
        Instant endTime,
        Long timeToFirstTokenMs,
        Map<String, Object> metadata) {

    public RawExchange {
        requestHeaders = lowerCaseNames(requestHeaders);
        responseHeaders = lowerCaseNames(responseHeaders);
        metadata = withoutNulls(metadata);
    }

    public String requestHeader(String name) {
        return requestHeaders.get(name);
    }

    public String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    copy.put(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    // JSON metadata may carry explicit nulls, which Map.copyOf would reject.
    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> {
                if (key != null && value != null) {
                    copy.put(key, value);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
