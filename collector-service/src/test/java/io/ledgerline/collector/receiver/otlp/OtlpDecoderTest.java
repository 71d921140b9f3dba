package io.ledgerline.collector.receiver.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpDecoderTest {
    // W3C trace-context example ids; base64 forms computed independently (python base64.b64encode)
    private static final String TRACE_HEX = "5b8efff798038103d269b633813fc60c";
    private static final String TRACE_BASE64 = "W47/95gDgQPSabYzgT/GDA==";
    private static final String SPAN_HEX = "eee19b7ec3c1b174";
    private static final String SPAN_BASE64 = "7uGbfsPBsXQ=";

    private final OtlpDecoder decoder = new OtlpDecoder(OtlpJson.MAPPER);

    @Test
    void intValueArrivesAsStringOrNumber() {
        String asString = """
                {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"%s","spanId":"%s","name":"chat",
                 "attributes":[{"key":"gen_ai.usage.input_tokens","value":{"intValue":"25"}}]}]}]}]}
                """.formatted(TRACE_HEX, SPAN_HEX);
        String asNumber = asString.replace("\"25\"", "25");

        assertEquals(25L, decoder.fromJson(asString).spans().get(0).attributes().get("gen_ai.usage.input_tokens"));
        assertEquals(25L, decoder.fromJson(asNumber).spans().get(0).attributes().get("gen_ai.usage.input_tokens"));
    }

    @Test
    void protobufRoundTripKeepsEveryField() {
        Span llm = Span.newBuilder()
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE_HEX)))
                .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(SPAN_HEX)))
                .setParentSpanId(ByteString.copyFrom(HexFormat.of().parseHex("00f067aa0ba902b7")))
                .setName("chat gpt-4o")
                .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(1_747_330_242_830_926_123L)
                .setEndTimeUnixNano(1_747_330_244_009_197_000L)
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("rate limited"))
                .addAttributes(kv("gen_ai.usage.input_tokens", AnyValue.newBuilder().setIntValue(39).build()))
                .addAttributes(kv("gen_ai.request.temperature", AnyValue.newBuilder().setDoubleValue(0.5).build()))
                .addAttributes(kv("gen_ai.request.stream", AnyValue.newBuilder().setBoolValue(true).build()))
                .addAttributes(kv("gen_ai.response.finish_reasons", AnyValue.newBuilder().setArrayValue(
                        ArrayValue.newBuilder().addValues(string("stop")).addValues(string("length"))).build()))
                .addAttributes(kv("meta", AnyValue.newBuilder().setKvlistValue(
                        KeyValueList.newBuilder().addValues(kv("owner", string("team-a")))).build()))
                .addEvents(Span.Event.newBuilder().setName("gen_ai.user.message").setTimeUnixNano(1_747_330_242_900_000_000L)
                        .addAttributes(kv("content", string("hi"))))
                .build();
        Span root = Span.newBuilder()
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE_HEX)))
                .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex("00f067aa0ba902b7")))
                .setName("POST /ask")
                .setKind(Span.SpanKind.SPAN_KIND_SERVER)
                .build();
        ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(kv("service.name", string("ask-api"))))
                        .addScopeSpans(ScopeSpans.newBuilder()
                                .setScope(InstrumentationScope.newBuilder().setName("opentelemetry.instrumentation.openai"))
                                .addSpans(llm)
                                .addSpans(root)))
                .build();

        OtlpBatch batch = decoder.fromProtobuf(request.toByteArray());

        assertEquals(List.of(), batch.rejections());
        assertEquals(2, batch.spans().size());
        OtlpSpan span = batch.spans().get(0);
        assertEquals(TRACE_HEX, span.traceId());
        assertEquals(SPAN_HEX, span.spanId());
        assertEquals("00f067aa0ba902b7", span.parentSpanId());
        assertEquals("chat gpt-4o", span.name());
        assertEquals(OtlpSpanKind.CLIENT, span.kind());
        assertEquals(Instant.parse("2025-05-15T17:30:42.830926123Z"), span.startTime());
        assertEquals(Instant.parse("2025-05-15T17:30:44.009197Z"), span.endTime());
        assertEquals(OtlpStatusCode.ERROR, span.statusCode());
        assertEquals("rate limited", span.statusMessage());
        assertEquals(39L, span.attributes().get("gen_ai.usage.input_tokens"));
        assertEquals(0.5, span.attributes().get("gen_ai.request.temperature"));
        assertEquals(true, span.attributes().get("gen_ai.request.stream"));
        assertEquals(List.of("stop", "length"), span.attributes().get("gen_ai.response.finish_reasons"));
        assertEquals(Map.of("owner", "team-a"), span.attributes().get("meta"));
        assertEquals(Map.of("service.name", "ask-api"), span.resourceAttributes());
        assertEquals("opentelemetry.instrumentation.openai", span.scopeName());
        assertEquals(List.of(new OtlpEvent("gen_ai.user.message", Instant.parse("2025-05-15T17:30:42.900Z"),
                Map.of("content", "hi"))), span.events());
        OtlpSpan parent = batch.spans().get(1);
        assertNull(parent.parentSpanId());
        assertEquals(OtlpSpanKind.SERVER, parent.kind());
        assertNull(parent.startTime());
        assertEquals(OtlpStatusCode.UNSET, parent.statusCode());
    }

    @Test
    void protobufSpanWithShortIdIsRejectedAlone() {
        Span bad = Span.newBuilder()
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE_HEX)))
                .setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .setName("bad").build();
        Span good = bad.toBuilder().setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(SPAN_HEX))).build();
        ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(
                        ScopeSpans.newBuilder().addSpans(bad).addSpans(good)))
                .build();

        OtlpBatch batch = decoder.fromProtobuf(request.toByteArray());

        assertEquals(1, batch.spans().size());
        assertEquals(List.of(new SpanRejection(0, TRACE_HEX, null, "spanId must be 8 bytes, got 3")),
                batch.rejections());
    }

    @Test
    void base64AndHexIdsDecodeToTheSameHex() {
        ObjectNode hex = OtlpJson.span(TRACE_HEX, SPAN_HEX, "hex", Map.of());
        ObjectNode upperHex = OtlpJson.span(TRACE_HEX.toUpperCase(), SPAN_HEX.toUpperCase(), "upper", Map.of());
        ObjectNode base64 = OtlpJson.span(TRACE_BASE64, SPAN_BASE64, "base64", Map.of());
        base64.put("parentSpanId", SPAN_BASE64);

        OtlpBatch batch = decoder.fromJson(OtlpJson.request(hex, upperHex, base64));

        assertEquals(List.of(), batch.rejections());
        for (OtlpSpan span : batch.spans()) {
            assertEquals(TRACE_HEX, span.traceId(), span.name());
            assertEquals(SPAN_HEX, span.spanId(), span.name());
        }
        assertEquals(SPAN_HEX, batch.spans().get(2).parentSpanId());
    }

    @Test
    void spansWithMissingOrInvalidIdsAreRejectedAndTheOthersKept() {
        ObjectNode noTraceId = OtlpJson.span(null, SPAN_HEX, "no trace id", Map.of());
        ObjectNode shortSpanId = OtlpJson.span(TRACE_HEX, "eee19b7ec3", "short span id", Map.of());
        ObjectNode zeroTraceId = OtlpJson.span("00000000000000000000000000000000", SPAN_HEX, "zero", Map.of());
        ObjectNode good = OtlpJson.span(TRACE_HEX, SPAN_HEX, "good", Map.of("k", "v"));
        ObjectNode badInt = OtlpJson.span(TRACE_HEX, SPAN_HEX, "bad int", Map.of());
        badInt.withArray("attributes").addObject().put("key", "n").putObject("value").put("intValue", "twelve");

        OtlpBatch batch = decoder.fromJson(OtlpJson.request(noTraceId, shortSpanId, zeroTraceId, good, badInt));

        assertEquals(List.of("good"), batch.spans().stream().map(OtlpSpan::name).toList());
        assertEquals(List.of(
                new SpanRejection(0, null, null, "traceId is missing"),
                new SpanRejection(1, TRACE_HEX, null,
                        "spanId must be 16 hex characters (or 12 base64 characters), got 'eee19b7ec3'"),
                new SpanRejection(2, null, null, "traceId must not be all zeros"),
                new SpanRejection(4, TRACE_HEX, SPAN_HEX,
                        "attribute 'n' intValue must be a 64-bit integer (number or decimal string), got \"twelve\"")),
                batch.rejections());
    }

    @Test
    void kindStatusAndTimesAcceptNumbersAndNames() {
        ObjectNode byName = OtlpJson.span(TRACE_HEX, SPAN_HEX, "names", Map.of());
        byName.put("kind", "SPAN_KIND_CLIENT");
        byName.putObject("status").put("code", "STATUS_CODE_ERROR").put("message", "boom");
        ObjectNode byNumber = OtlpJson.span(TRACE_HEX, SPAN_HEX, "numbers", Map.of());
        byNumber.put("kind", 3);
        byNumber.putObject("status").put("code", 2);
        byNumber.put("startTimeUnixNano", 1_747_330_242_830_926_000L);

        List<OtlpSpan> spans = decoder.fromJson(OtlpJson.request(byName, byNumber)).spans();

        for (OtlpSpan span : spans) {
            assertEquals(OtlpSpanKind.CLIENT, span.kind(), span.name());
            assertEquals(OtlpStatusCode.ERROR, span.statusCode(), span.name());
            assertEquals(Instant.parse("2025-05-15T17:30:42.830926Z"), span.startTime(), span.name());
        }
        assertEquals("boom", spans.get(0).statusMessage());
    }

    @Test
    void jsonArraysKvlistsAndEventsBecomeJavaValues() {
        ObjectNode span = OtlpJson.span(TRACE_HEX, SPAN_HEX, "chat", Map.of(
                "gen_ai.response.finish_reasons", List.of("stop"),
                "gen_ai.request.temperature", 0.2,
                "gen_ai.request.stream", false,
                "meta", Map.of("n", 3)));
        span.putArray("events").addObject()
                .put("name", "gen_ai.choice").put("timeUnixNano", "1747330244008661000")
                .set("attributes", OtlpJson.attributes(Map.of("index", 0)));

        OtlpSpan decoded = decoder.fromJson(OtlpJson.request(span)).spans().get(0);

        assertEquals(List.of("stop"), decoded.attributes().get("gen_ai.response.finish_reasons"));
        assertEquals(0.2, decoded.attributes().get("gen_ai.request.temperature"));
        assertEquals(false, decoded.attributes().get("gen_ai.request.stream"));
        assertEquals(Map.of("n", 3L), decoded.attributes().get("meta"));
        assertEquals(List.of(new OtlpEvent("gen_ai.choice", Instant.parse("2025-05-15T17:30:44.008661Z"),
                Map.of("index", 0L))), decoded.events());
        assertEquals("test-scope", decoded.scopeName());
    }

    @Test
    void malformedProtobufIsRejectedAsAWhole() {
        byte[] whole = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(
                        Span.newBuilder().setName("a span with a long enough name"))))
                .build().toByteArray();
        byte[] truncated = Arrays.copyOf(whole, whole.length - 5);

        MalformedOtlpException e = assertThrows(MalformedOtlpException.class, () -> decoder.fromProtobuf(truncated));

        assertTrue(e.reason().startsWith("body is not a valid protobuf ExportTraceServiceRequest: "), e.reason());
    }

    @Test
    void malformedJsonIsRejectedAsAWhole() {
        MalformedOtlpException truncated = assertThrows(MalformedOtlpException.class,
                () -> decoder.fromJson("{\"resourceSpans\": [ {\"scopeSpans\": ["));
        assertTrue(truncated.reason().startsWith("body is not valid JSON: "), truncated.reason());

        MalformedOtlpException notAnObject = assertThrows(MalformedOtlpException.class, () -> decoder.fromJson("[1,2]"));
        assertEquals("body must be a JSON object with a resourceSpans array, got array", notAnObject.reason());

        MalformedOtlpException wrongShape = assertThrows(MalformedOtlpException.class,
                () -> decoder.fromJson("{\"resourceSpans\": {\"scopeSpans\": []}}"));
        assertEquals("request.resourceSpans must be an array", wrongShape.reason());

        MalformedOtlpException empty = assertThrows(MalformedOtlpException.class, () -> decoder.fromJson(" "));
        assertEquals("body is empty; expected an OTLP/JSON ExportTraceServiceRequest", empty.reason());
    }

    @Test
    void realFrameworkTraceDecodesEveryObservation() {
        // koog: 11 observations in the Langfuse export
        OtlpBatch batch = decoder.fromJson(LangfuseTraces.toOtlpJson("koog-2025-08-26.trace.json"));

        assertEquals(List.of(), batch.rejections());
        assertEquals(11, batch.spans().size());
        OtlpSpan chat = batch.spans().stream().filter(s -> s.spanId().equals("e44e72cf2d221781")).findFirst().orElseThrow();
        assertEquals("dff173a675b759ce1b70e522b27d6846", chat.traceId());
        assertEquals("6021df46275ad2d8", chat.parentSpanId());
        assertEquals("llm.chat", chat.name());
        assertEquals("ai.koog", chat.scopeName());
        assertEquals("ai.koog", chat.resourceAttributes().get("service.name"));
        assertEquals(Instant.parse("2025-08-26T19:41:03.041Z"), chat.startTime());
    }

    private static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private static AnyValue string(String value) {
        return AnyValue.newBuilder().setStringValue(value).build();
    }
}
