package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Recognises provider error bodies and names the error the way the provider does. */
final class ErrorBody {
    private ErrorBody() {
    }

    /** True when the body is an error document, also under a 2xx status (Azure's prompt content filter does that). */
    static boolean isError(JsonNode doc) {
        if (!Json.isObject(doc)) {
            return false;
        }
        JsonNode error = doc.path("error");
        return error.isObject() || (error.isTextual() && !error.asText().isBlank()) || "error".equals(Json.text(doc,
                "type"));
    }

    /**
     * The provider's error name: OpenAI-style {@code error.type}, else a textual {@code error.code}
     * ({@code content_filter}, {@code model_not_found}), else Gemini's {@code error.status}, else the AWS error type.
     * Null when the provider does not name it (then the caller falls back to {@code http_<status>}).
     */
    static String errorType(JsonNode doc, RawExchange exchange) {
        String awsHeader = exchange.responseHeader("x-amzn-errortype");
        if (awsHeader != null && !awsHeader.isBlank()) {
            return awsHeader.split(":", 2)[0];
        }
        if (!Json.isObject(doc)) {
            return null;
        }
        JsonNode error = doc.path("error");
        if (error.isObject()) {
            String type = Json.text(error, "type");
            if (type != null) {
                return type;
            }
            String code = Json.text(error, "code");
            // Numeric codes (Azure "401", OpenRouter 429) repeat the HTTP status and name nothing.
            if (code != null && !code.matches("\\d+")) {
                return code;
            }
            String status = Json.text(error, "status");
            if (status != null && !status.matches("\\d+")) {
                return status.toLowerCase(Locale.ROOT);
            }
        }
        String awsType = Json.text(doc, "__type");
        if (awsType != null) {
            return awsType.substring(awsType.lastIndexOf('#') + 1);
        }
        return null;
    }
}
