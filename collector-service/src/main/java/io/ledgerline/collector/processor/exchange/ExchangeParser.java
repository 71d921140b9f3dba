package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import java.time.Duration;
import java.util.List;

/**
 * Turns one raw provider exchange into a call record builder: provider, operation, models, timing, outcome, content
 * and the provider-REPORTED usage only (token counting and reconciliation happen later, in
 * {@code UsageReconciler}). Plain logic, no I/O; thread-safe.
 *
 * <p>Only an exchange that cannot describe a call is rejected ({@link InvalidExchangeException}): no or a malformed
 * URL, an impossible status, a body flagged base64 that is not, an end before the start. Everything a provider
 * really answered is recorded, unknown providers as {@code unknown}, non-JSON bodies without content.
 */
public final class ExchangeParser {
    private final ApiDialect openAi = new OpenAiCompatibleDialect();
    private final ApiDialect responses = new OpenAiResponsesDialect();
    private final ApiDialect anthropic = new AnthropicMessagesDialect();
    private final ApiDialect converse = new BedrockConverseDialect();
    private final ApiDialect gemini = new GeminiDialect();
    private final ApiDialect cohere = new CohereDialect();
    private final ApiDialect ollama = new OllamaDialect();

    public CallRecordBuilder parse(RawExchange exchange) {
        validate(exchange);
        JsonNode request = Json.parseOrNull(exchange.requestBody());
        Endpoint endpoint = Endpoint.of(exchange, request);
        ResponseBody response = ResponseBodyDecoder.decode(exchange);

        CallRecordBuilder call = new CallRecordBuilder()
                .provider(endpoint.provider())
                .operation(endpoint.operation())
                .requestModel(requestModel(endpoint, request))
                .streaming(response.isStream() || request != null && request.path("stream").asBoolean(false))
                .httpStatus(exchange.status() == 0 ? null : exchange.status());

        ApiDialect dialect = dialect(endpoint, request, response);
        dialect.readRequest(request, call);
        dialect.readResponse(response, call);
        if (call.usage() == null && endpoint.provider().equals("bedrock")) {
            call.usage(ReportedUsage.bedrockHeaders(exchange));
        }
        outcome(exchange, response, call);
        timing(exchange, call);
        endUserFromBody(request, call);
        ExchangeMetadata.apply(exchange, call);
        return call;
    }

    private static void validate(RawExchange exchange) {
        if (exchange.status() < 0 || exchange.status() > 599 || exchange.status() > 0 && exchange.status() < 100) {
            throw new InvalidExchangeException("response.status", "is not an HTTP status: " + exchange.status());
        }
        if (exchange.startTime() != null && exchange.endTime() != null
                && exchange.endTime().isBefore(exchange.startTime())) {
            throw new InvalidExchangeException("endTime", "is before startTime");
        }
    }

    /**
     * The model asked for. Where the URL names it, the URL wins: an Azure request names only its deployment,
     * Bedrock and Gemini put the model id in the path (the body, if it has a model field, may say anything).
     */
    private static String requestModel(Endpoint endpoint, JsonNode request) {
        if (endpoint.urlModel() != null) {
            return endpoint.urlModel();
        }
        return request == null ? null : Json.text(request, "model");
    }

    private ApiDialect dialect(Endpoint endpoint, JsonNode request, ResponseBody response) {
        String path = endpoint.path().toLowerCase(java.util.Locale.ROOT);
        String provider = endpoint.provider();
        if (provider.equals("bedrock")) {
            if (path.endsWith("/converse") || path.endsWith("/converse-stream")) {
                return converse;
            }
            return looksAnthropic(request, response) ? anthropic : openAi;
        }
        if (path.endsWith("/responses")) {
            return responses;
        }
        if (provider.equals("anthropic") || path.endsWith("/messages") || path.endsWith("/messages/count_tokens")
                || path.contains("/publishers/anthropic/")) {
            return anthropic;
        }
        if (provider.equals("gemini") || provider.equals("vertex_ai") || path.contains(":generatecontent")
                || path.contains(":streamgeneratecontent")) {
            return gemini;
        }
        if (provider.equals("cohere")) {
            return cohere;
        }
        if (provider.equals("ollama")) {
            return ollama;
        }
        return openAi;
    }

    // Bedrock InvokeModel passes model-native bodies through; Claude's are Anthropic Messages bodies.
    private static boolean looksAnthropic(JsonNode request, ResponseBody response) {
        if (request != null && request.has("anthropic_version")) {
            return true;
        }
        JsonNode doc = response.document();
        if (doc != null && "message".equals(Json.text(doc, "type"))) {
            return true;
        }
        return response.isStream() && response.events().stream()
                .anyMatch(e -> "message_start".equals(Json.text(e.data(), "type")));
    }

    private static void outcome(RawExchange exchange, ResponseBody response, CallRecordBuilder call) {
        int status = exchange.status();
        JsonNode errorDoc = response.document();
        if (response.isStream()) {
            List<StreamEvent> errors = response.events().stream().filter(e -> ErrorBody.isError(e.data())).toList();
            errorDoc = errors.isEmpty() ? null : errors.get(0).data();
        }
        boolean httpError = status == 0 || status >= 300;
        if (httpError || ErrorBody.isError(errorDoc)) {
            String type = ErrorBody.errorType(errorDoc, exchange);
            call.status(CallStatus.ERROR);
            call.errorType(type != null ? type : status == 0 ? "no_response" : "http_" + status);
        } else if (call.status() == CallStatus.ERROR && call.errorType() == null) {
            call.errorType("stream_error");
        }
    }

    private static void timing(RawExchange exchange, CallRecordBuilder call) {
        call.startTime(exchange.startTime()).endTime(exchange.endTime());
        if (exchange.startTime() != null && exchange.endTime() != null) {
            call.latencyMs(Duration.between(exchange.startTime(), exchange.endTime()).toMillis());
        }
        if (exchange.timeToFirstTokenMs() != null && exchange.timeToFirstTokenMs() >= 0) {
            call.timeToFirstTokenMs(exchange.timeToFirstTokenMs());
        }
    }

    // The OpenAI "user" field and Anthropic's metadata.user_id name the end user; explicit metadata overrides them.
    private static void endUserFromBody(JsonNode request, CallRecordBuilder call) {
        if (request == null) {
            return;
        }
        String user = Json.text(request, "user");
        call.endUser(user != null ? user : Json.text(request, "metadata", "user_id"));
    }
}
