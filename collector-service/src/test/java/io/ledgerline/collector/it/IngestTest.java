package io.ledgerline.collector.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.TokenSource;
import io.ledgerline.collector.support.CapturedCalls;
import io.ledgerline.testing.BrokerTestResource;
import io.ledgerline.testing.DatabaseTestResource;
import io.ledgerline.testing.EmbeddedBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collector's JSON ingest against a real Artemis and PostgreSQL, fed with real recorded provider traffic. */
@QuarkusTest
@QuarkusTestResource(BrokerTestResource.class)
@QuarkusTestResource(DatabaseTestResource.class)
class IngestTest {
    static final String KEY = "Bearer llk_test_key";

    EmbeddedBroker broker;
    CapturedCalls captured;

    @BeforeEach
    void connect() {
        captured = CapturedCalls.connect(broker);
    }

    @AfterEach
    void disconnect() {
        captured.close();
    }

    @Test
    void aRecordedAnthropicCachingExchangeIsCapturedWithItsReportedUsage() throws Exception {
        // The expected buckets are read from the recorded response body itself (Anthropic's own usage block).
        Path file = RecordedExchanges.ROOT.resolve("openllmetry/anthropic/anthropic__test_prompt_caching__test_anthropic_prompt_caching_legacy.decoded.json");
        List<ObjectNode> items = RecordedExchanges.items(file);
        String callId = given().header("Authorization", KEY).contentType("application/json")
                .body(items.get(0).toString()).post("/api/v1/exchanges")
                .then().statusCode(200).body("accepted", equalTo(1)).body("results[0].callId", notNullValue())
                .extract().path("results[0].callId");

        CallRecord call = captured.received(1).get(0);
        assertEquals(callId, call.callId());
        assertEquals("test-tenant", call.tenantId());
        assertEquals("test-project", call.projectId());
        assertEquals("anthropic", call.provider());
        assertEquals(CallStatus.OK, call.status());
        // The recorded response reports input_tokens, cache_creation_input_tokens, cache_read_input_tokens and
        // output_tokens; Anthropic's input excludes both caches, so they map one to one.
        var usage = items.get(0).get("response").get("body").asText();
        var reported = new com.fasterxml.jackson.databind.ObjectMapper().readTree(usage).get("usage");
        assertEquals(reported.get("input_tokens").asLong(), call.usage().inputTokens().tokens());
        assertEquals(reported.get("cache_creation_input_tokens").asLong(), call.usage().cacheWriteTokens().tokens());
        assertEquals(reported.get("cache_read_input_tokens").asLong(), call.usage().cacheReadTokens().tokens());
        assertEquals(reported.get("output_tokens").asLong(), call.usage().outputTokens().tokens());
        assertEquals(TokenSource.REPORTED, call.usage().outputTokens().source());
    }

    @Test
    void everyRecordedExchangeIsCapturedOrRejectedWithAReasonAndNeverAServerError() {
        int items = 0;
        int accepted = 0;
        List<String> rejections = new ArrayList<>();
        for (Path file : RecordedExchanges.files()) {
            List<ObjectNode> batch = RecordedExchanges.items(file);
            Response response = given().header("Authorization", KEY).contentType("application/json")
                    .body(RecordedExchanges.array(batch)).post("/api/v1/exchanges");
            assertTrue(response.statusCode() < 500, file + " answered " + response.statusCode() + ": "
                    + response.asString());
            List<Map<String, Object>> results = response.jsonPath().getList("results");
            assertEquals(batch.size(), results.size(), file.toString());
            for (Map<String, Object> result : results) {
                items++;
                if (result.get("callId") != null) {
                    accepted++;
                } else {
                    Map<?, ?> error = (Map<?, ?>) result.get("error");
                    assertTrue(error != null && !String.valueOf(error.get("reason")).isBlank(), file + ": " + result);
                    rejections.add(file.getFileName() + "#" + result.get("index") + ": " + error.get("reason"));
                }
            }
        }
        List<CallRecord> published = captured.received(accepted);
        assertEquals(accepted, published.size(), "every accepted exchange is published once");
        assertEquals(accepted, published.stream().map(CallRecord::callId).distinct().count());
        // 82 cassettes hold well over a hundred interactions; a parser that refused real traffic would show here.
        assertTrue(items > 100, "items: " + items);
        assertTrue(rejections.size() * 10 < items, "too many rejections: " + rejections);
        // Every call has usage buckets (reported, or counted/estimated when the provider reported none), or a note
        // that says why it has none (a failed call, an embeddings or count_tokens call): never silently zero.
        List<String> silent = published.stream()
                .filter(call -> call.usage() == null || call.usage().inputTokens() == null
                        && (call.usage().note() == null || call.usage().note().isBlank()))
                .map(call -> call.provider() + " " + call.operation() + " " + call.status() + " " + call.callId())
                .toList();
        assertEquals(List.of(), silent, "calls without usage and without a reason");
    }

    @Test
    void sendingTheSameExchangeAgainGivesTheSameCallId() {
        Path file = RecordedExchanges.files().get(0);
        String body = RecordedExchanges.items(file).get(0).toString();
        String first = given().header("Authorization", KEY).contentType("application/json").body(body)
                .post("/api/v1/exchanges").then().statusCode(200).extract().path("results[0].callId");
        String second = given().header("Authorization", KEY).contentType("application/json").body(body)
                .post("/api/v1/exchanges").then().statusCode(200).extract().path("results[0].callId");
        assertEquals(first, second);
    }

    @Test
    void aMissingOrWrongKeyIs401ProblemJson() {
        given().contentType("application/json").body("{}").post("/api/v1/exchanges")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("missing API key"));
        given().header("Authorization", "Bearer nope").contentType("application/json").body("{}")
                .post("/api/v1/calls").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("unknown API key"));
        given().header("Authorization", "Bearer nope").contentType("application/json").body("{}")
                .post("/v1/traces").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic bGxrOnRlc3Q=").contentType("application/json").body("{}")
                .post("/api/v1/exchanges").then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("the Authorization scheme 'Basic' is not accepted: send the project's API key "
                        + "as 'Authorization: Bearer <key>' or 'x-ledgerline-api-key: <key>'"));
    }

    @Test
    void malformedJsonIs400ProblemJsonWithWhere() {
        given().header("Authorization", KEY).contentType("application/json").body("{\"request\": [")
                .post("/api/v1/exchanges").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("the body is not valid JSON: Unexpected end-of-input: expected close marker "
                        + "for Array (line 1, column 14)"));
    }

    @Test
    void aBadItemIsNamedAndTheGoodItemsOfTheSameRequestAreKept() {
        Path file = RecordedExchanges.files().get(1);
        ObjectNode good = RecordedExchanges.items(file).get(0);
        ObjectNode noUrl = good.deepCopy();
        ((ObjectNode) noUrl.get("request")).remove("url");
        ((ObjectNode) noUrl.get("metadata")).put("callId", "other");
        ObjectNode badTime = good.deepCopy();
        badTime.put("startTime", "yesterday");
        ((ObjectNode) badTime.get("metadata")).put("callId", "third");
        Response response = given().header("Authorization", KEY).contentType("application/json")
                .body(RecordedExchanges.array(List.of(noUrl, good, badTime))).post("/api/v1/exchanges");
        response.then().statusCode(207).contentType("application/problem+json")
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("results[0].error.field", equalTo("request.url"))
                .body("results[0].error.reason", equalTo("is required"))
                .body("results[2].error.field", equalTo("startTime"))
                .body("errors[0].field", equalTo("items[0].request.url"));
        String goodId = response.jsonPath().getString("results[1].callId");
        assertEquals(List.of(goodId), captured.received(1).stream().map(CallRecord::callId).toList());
    }

    @Test
    void anOversizedBodyIs413ProblemJson() {
        String big = "{\"pad\": \"" + "x".repeat(2_100_000) + "\"}";
        given().header("Authorization", KEY).contentType("application/json").body(big).post("/api/v1/exchanges")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("the limit is 2000000"));
    }

    @Test
    void nativeCallsAreAnsweredPerItem() {
        String calls = "[{\"provider\": \"openai\", \"requestModel\": \"gpt-4o\", \"startTime\": \"2025-07-01T10:00:00Z\","
                + " \"endTime\": \"2025-07-01T10:00:01.5Z\", \"workflow\": \"refunds\", \"tags\": {\"team\": \"billing\"},"
                + " \"usage\": {\"inputTokens\": 86, \"cacheReadTokens\": 1920, \"outputTokens\": 300}},"
                + " {\"provider\": \"openai\", \"requestModel\": \"gpt-4o\", \"startTime\": \"2025-07-01T10:00:00Z\","
                + " \"status\": \"maybe\"},"
                + " {\"provider\": \"openai\", \"requestModel\": \"gpt-4o\", \"startTime\": \"2025-07-01T10:00:00Z\","
                + " \"usage\": {\"inputTokens\": \"lots\"}},"
                + " {\"provider\": \"openai\", \"requestModel\": \"gpt-4o\", \"startTime\": \"2025-07-01T10:00:00Z\","
                + " \"usage\": {\"outputTokens\": 200000000}}]";
        given().header("Authorization", KEY).contentType("application/json").body(calls).post("/api/v1/calls")
                .then().statusCode(207)
                .body("results[1].error.field", equalTo("status"))
                .body("results[2].error.field", equalTo("usage.inputTokens"))
                .body("results[3].error.field", equalTo("usage.outputTokens"))
                .body("results[3].error.reason", equalTo("must be between 0 and 100000000, not 200000000"));
        CallRecord call = captured.received(1).get(0);
        assertEquals(86, call.usage().inputTokens().tokens());
        assertEquals(1920, call.usage().cacheReadTokens().tokens());
        assertEquals(300, call.usage().outputTokens().tokens());
        assertEquals(1500L, call.latencyMs());
        assertEquals("refunds", call.workflow());
        assertEquals("billing", call.tags().get("team"));
    }

    @Test
    void impossibleTokenFiguresRejectTheirItemNamingTheUsageFieldAndTheValidItemIsKept() {
        String items = "[" + String.join(",", exchange("usage-good", "hello", "{\"prompt_tokens\":35,\"completion_tokens\":10}"),
                exchange("usage-overflow", "hello", "{\"prompt_tokens\":100000000000000000000}"),
                exchange("usage-negative", "hello", "{\"prompt_tokens\":-100}"),
                exchange("usage-text", "hello", "{\"prompt_tokens\":\"lots\"}"),
                exchange("usage-huge", "hello", "{\"completion_tokens\":9e15}")) + "]";
        Response response = given().header("Authorization", KEY).contentType("application/json").body(items)
                .post("/api/v1/exchanges");
        response.then().statusCode(207).body("accepted", equalTo(1)).body("rejected", equalTo(4))
                .body("errors[0].field", equalTo("items[1].response.body"))
                .body("errors[0].reason", equalTo("the usage figure 'prompt_tokens' is 100000000000000000000, more "
                        + "than the 100000000 tokens a single call can plausibly use"))
                .body("errors[1].field", equalTo("items[2].response.body"))
                .body("errors[1].reason", equalTo("the usage figure 'prompt_tokens' must not be negative, not -100"))
                .body("errors[2].reason", equalTo("the usage figure 'prompt_tokens' must be a whole number of "
                        + "tokens, not the text \"lots\""))
                .body("errors[3].reason", equalTo("the usage figure 'completion_tokens' is 9000000000000000, more "
                        + "than the 100000000 tokens a single call can plausibly use"));
        CallRecord call = captured.received(1).get(0);
        assertEquals(response.jsonPath().getString("results[0].callId"), call.callId());
        assertEquals(35, call.usage().inputTokens().tokens());
        assertEquals(10, call.usage().outputTokens().tokens());
    }

    @Test
    void aLoneSurrogateInAPromptReachesTheBrokerAsTheReplacementCharacter() {
        // The escape must reach the collector as JSON text: a Java string with a lone surrogate would be turned into
        // '?' by the client's own UTF-8 encoder before it is sent.
        String item = exchange("surrogate-1", "hello SURROGATE world", "{\"prompt_tokens\":35,\"completion_tokens\":10}")
                .replace("SURROGATE", "\\ud800");
        assertTrue(item.contains("hello \\ud800 world"), item);
        String callId = given().header("Authorization", KEY).contentType("application/json").body(item)
                .post("/api/v1/exchanges").then().statusCode(200).extract().path("results[0].callId");

        List<CallRecord> published = captured.received(1);
        assertEquals(1, published.size(), "the accepted call reaches the broker and decodes");
        assertEquals(callId, published.get(0).callId());
        assertEquals("hello \uFFFD world", published.get(0).inputMessages().get(0).content());
    }

    @Test
    void aNulCharacterInAPromptIsStoredAndPublishedAsTheReplacementCharacterAndNothingIsLost() {
        String usage = "{\"prompt_tokens\":12,\"completion_tokens\":2}";
        String items = "[" + String.join(",", exchange("nul-good-1", "first", usage),
                exchange("nul-bad", "a\u0000b", usage), exchange("nul-good-2", "third", usage)) + "]";
        assertTrue(items.contains("a\\u0000b"), items);
        Response response = given().header("Authorization", KEY).contentType("application/json").body(items)
                .post("/api/v1/exchanges");
        response.then().statusCode(200).body("accepted", equalTo(3));

        Map<String, String> prompts = new java.util.HashMap<>();
        captured.received(3).forEach(call -> prompts.put(call.callId(), call.inputMessages().get(0).content()));
        assertEquals(Map.of(response.jsonPath().getString("results[0].callId"), "first",
                response.jsonPath().getString("results[1].callId"), "a\uFFFDb",
                response.jsonPath().getString("results[2].callId"), "third"), prompts);
    }

    /** An OpenAI chat exchange as DESIGN §13 describes it, with the user's text and the response's usage block. */
    static String exchange(String callId, String userText, String usage) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        ObjectNode item = mapper.createObjectNode();
        ObjectNode request = item.putObject("request");
        request.put("url", "https://api.openai.com/v1/chat/completions");
        ObjectNode body = request.putObject("body");
        body.put("model", "gpt-4o-mini");
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        ObjectNode response = item.putObject("response");
        response.put("status", 200);
        response.put("body", "{\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Done.\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":" + usage + "}");
        item.put("startTime", "2026-03-01T10:00:00Z");
        item.put("endTime", "2026-03-01T10:00:01.250Z");
        item.putObject("metadata").put("callId", callId);
        return item.toString();
    }
}
