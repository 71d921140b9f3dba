package io.ledgerline.collector.receiver.otlp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.collector.support.CapturedCalls;
import io.ledgerline.testing.BrokerTestResource;
import io.ledgerline.testing.DatabaseTestResource;
import io.ledgerline.testing.EmbeddedBroker;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/traces} over HTTP against a real Artemis and PostgreSQL: protobuf, JSON, and bad input. */
@QuarkusTest
@QuarkusTestResource(BrokerTestResource.class)
@QuarkusTestResource(DatabaseTestResource.class)
class OtlpReceiverTest {
    static final String KEY = "Bearer llk_test_key";

    EmbeddedBroker broker;
    CapturedCalls captured;

    @Inject
    Pool pool;

    @BeforeEach
    void connect() {
        captured = CapturedCalls.connect(broker);
    }

    @AfterEach
    void disconnect() {
        captured.close();
    }

    @Test
    void aProtobufExportKeepsEverySpanAndPublishesOnlyTheLlmSpanAsACall() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        Span server = span(trace, "00f067aa0ba902b7", null, "POST /ask").build();
        Span chat = span(trace, "b7ad6b7169203331", "00f067aa0ba902b7", "chat gpt-4o")
                .addAttributes(kv("gen_ai.operation.name", text("chat")))
                .addAttributes(kv("gen_ai.system", text("openai")))
                .addAttributes(kv("gen_ai.request.model", text("gpt-4o")))
                .addAttributes(kv("gen_ai.usage.input_tokens", number(39)))
                .addAttributes(kv("gen_ai.usage.output_tokens", number(11)))
                .build();

        byte[] answer = given().header("Authorization", KEY).contentType("application/x-protobuf")
                .body(request(server, chat).toByteArray()).post("/v1/traces")
                .then().statusCode(200).contentType("application/x-protobuf").extract().asByteArray();

        assertFalse(ExportTraceServiceResponse.parseFrom(answer).hasPartialSuccess());
        List<CallRecord> calls = captured.received(1);
        assertEquals(1, calls.size());
        assertEquals(39, calls.get(0).usage().inputTokens().tokens());
        assertEquals(11, calls.get(0).usage().outputTokens().tokens());
        assertEquals("openai", calls.get(0).provider());
        assertEquals(trace, calls.get(0).traceId());
        Map<String, String> stored = callIdsBySpan(trace);
        assertEquals(2, stored.size(), "both spans are stored: " + stored);
        assertEquals(null, stored.get("00f067aa0ba902b7"));
        assertEquals(calls.get(0).callId(), stored.get("b7ad6b7169203331"));
        assertTrue(captured.receivedWithin(1, Duration.ofMillis(500)).isEmpty(),
                "the server span is not a call");
    }

    @Test
    void otlpJsonIntValueAsAStringIsAnInteger() {
        String body = OtlpJson.request(OtlpJson.span("0af7651916cd43dd8448eb211c80319c", "53995c3f42cd8ad8", "chat",
                Map.of("gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", "placeholder")))
                .replace("{\"stringValue\":\"placeholder\"}", "{\"intValue\":\"25\"}");
        assertTrue(body.contains("{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"25\"}}"), body);

        given().header("Authorization", KEY).contentType("application/json").body(body).post("/v1/traces")
                .then().statusCode(200).contentType("application/json").body("partialSuccess", equalTo(null));

        assertEquals(25, captured.received(1).get(0).usage().inputTokens().tokens());
    }

    @Test
    void aSpanWithAWrongTypedAttributeIsRejectedAndTheOthersAreKept() {
        String trace = "5b8efff798038103d269b633813fc60c";
        String body = OtlpJson.request(
                OtlpJson.span(trace, "eee19b7ec3c1b101", "chat good", Map.of(
                        "gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", 10)),
                OtlpJson.span(trace, "eee19b7ec3c1b102", "chat bad", Map.of(
                        "gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", true)));

        given().header("Authorization", KEY).contentType("application/json").body(body).post("/v1/traces")
                .then().statusCode(200)
                .body("partialSuccess.rejectedSpans", equalTo("1"))
                .body("partialSuccess.errorMessage", containsString("span 1 (eee19b7ec3c1b102)"))
                .body("partialSuccess.errorMessage", containsString("'gen_ai.usage.input_tokens' must be a non-negative integer"));

        List<CallRecord> calls = captured.received(1);
        assertEquals(List.of(10L), calls.stream().map(c -> c.usage().inputTokens().tokens()).toList());
        assertEquals(List.of("eee19b7ec3c1b101"), List.copyOf(callIdsBySpan(trace).keySet()));
    }

    @Test
    void aNulCharacterInASpanIsStoredAndPublishedAsTheReplacementCharacter() {
        String trace = "6c8efff798038103d269b633813fc60d";
        String body = OtlpJson.request(
                OtlpJson.span(trace, "fee19b7ec3c1b101", "chat good", Map.of("gen_ai.operation.name", "chat",
                        "gen_ai.prompt.0.role", "user", "gen_ai.prompt.0.content", "hello")),
                OtlpJson.span(trace, "fee19b7ec3c1b102", "chat \u0000", Map.of("gen_ai.operation.name", "chat",
                        "gen_ai.prompt.0.role", "user", "gen_ai.prompt.0.content", "a\u0000b")));
        assertTrue(body.contains("a\\u0000b"), body);

        given().header("Authorization", KEY).contentType("application/json").body(body).post("/v1/traces")
                .then().statusCode(200).body("partialSuccess", equalTo(null));

        List<String> prompts = captured.received(2).stream().map(c -> c.inputMessages().get(0).content()).sorted()
                .toList();
        assertEquals(List.of("a\uFFFDb", "hello"), prompts);
        Row stored = pool.preparedQuery("SELECT name, attributes->>'gen_ai.prompt.0.content' AS prompt FROM "
                + "collector.span WHERE trace_id = $1 AND span_id = $2").execute(Tuple.of(trace, "fee19b7ec3c1b102"))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("chat \uFFFD", stored.getString("name"));
        assertEquals("a\uFFFDb", stored.getString("prompt"));
    }

    @Test
    void anImplausibleTokenCountRejectsTheSpanAndTheOthersAreKept() {
        String trace = "7d8efff798038103d269b633813fc60e";
        String body = OtlpJson.request(
                OtlpJson.span(trace, "aee19b7ec3c1b101", "chat good", Map.of(
                        "gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", 10)),
                OtlpJson.span(trace, "aee19b7ec3c1b102", "chat huge", Map.of(
                        "gen_ai.operation.name", "chat", "gen_ai.usage.input_tokens", 9_000_000_000_000_000L)));

        given().header("Authorization", KEY).contentType("application/json").body(body).post("/v1/traces")
                .then().statusCode(200)
                .body("partialSuccess.rejectedSpans", equalTo("1"))
                .body("partialSuccess.errorMessage", containsString("span 1 (aee19b7ec3c1b102)"))
                .body("partialSuccess.errorMessage", containsString("'gen_ai.usage.input_tokens' is 9000000000000000, "
                        + "more than the 100000000 tokens a single call can plausibly use"));
        assertEquals(List.of(10L), captured.received(1).stream().map(c -> c.usage().inputTokens().tokens()).toList());
    }

    @Test
    void malformedProtobufIs400ProblemJson() {
        // A field tag of wire type 7 does not exist in protobuf.
        given().header("Authorization", KEY).contentType("application/x-protobuf").body(new byte[] {0x0f, 0x01, 0x02})
                .post("/v1/traces").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("not a valid OTLP protobuf ExportTraceServiceRequest"));
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        given().header("Authorization", KEY).contentType("application/json").body("{\"resourceSpans\": [{")
                .post("/v1/traces").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not a valid OTLP JSON ExportTraceServiceRequest"));
    }

    @Test
    void anUnknownContentTypeIs415ProblemJson() {
        given().header("Authorization", KEY).contentType("text/plain").body("hello").post("/v1/traces")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("send application/x-protobuf or application/json"));
    }

    @Test
    void anOversizedBodyIs413ProblemJson() {
        given().header("Authorization", KEY).contentType("application/x-protobuf").body(new byte[2_000_001])
                .post("/v1/traces").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("the limit is 2000000"));
    }

    private Map<String, String> callIdsBySpan(String traceId) {
        List<Row> rows = pool.preparedQuery("SELECT span_id, call_id FROM collector.span WHERE trace_id = $1 "
                + "ORDER BY span_id").execute(Tuple.of(traceId)).await().atMost(Duration.ofSeconds(10)).stream().toList();
        Map<String, String> bySpan = new java.util.LinkedHashMap<>();
        rows.forEach(row -> bySpan.put(row.getString("span_id"), row.getString("call_id")));
        return bySpan;
    }


    private static ExportTraceServiceRequest request(Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
    }

    private static Span.Builder span(String traceId, String spanId, String parentId, String name) {
        Span.Builder span = Span.newBuilder()
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceId)))
                .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(spanId)))
                .setName(name)
                .setStartTimeUnixNano(1_747_330_242_830_926_000L)
                .setEndTimeUnixNano(1_747_330_244_009_197_000L);
        if (parentId != null) {
            span.setParentSpanId(ByteString.copyFrom(HexFormat.of().parseHex(parentId)));
        }
        return span;
    }

    private static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private static AnyValue text(String value) {
        return AnyValue.newBuilder().setStringValue(value).build();
    }

    private static AnyValue number(long value) {
        return AnyValue.newBuilder().setIntValue(value).build();
    }
}
