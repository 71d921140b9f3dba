package io.ledgerline.bench;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import java.util.Random;

/**
 * An OTLP export of GenAI chat spans as OpenLLMetry's OpenAI instrumentation writes them (gen_ai.* usage,
 * gen_ai.prompt.N / gen_ai.completion.N content, traceloop association properties), one trace per span, with fresh
 * random ids so that every span is a new call. The prompts are the user turns of recorded calls.
 */
final class GenAiSpanBatch {
    private final List<String> prompts;
    private final Random random;

    GenAiSpanBatch(List<String> prompts, Random random) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to build spans from");
        }
        this.prompts = prompts;
        this.random = random;
    }

    ExportTraceServiceRequest build(int spans, long startNanos) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("opentelemetry.instrumentation.openai.v1"));
        for (int i = 0; i < spans; i++) {
            scope.addSpans(span(prompts.get(random.nextInt(prompts.size())), startNanos + i * 1_000_000L));
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(kv("service.name", "bench-app")))
                .addScopeSpans(scope)).build();
    }

    private Span span(String prompt, long startNanos) {
        long inputTokens = 20 + prompt.length() / 4;
        long outputTokens = 40 + random.nextInt(200);
        return Span.newBuilder()
                .setTraceId(randomBytes(16)).setSpanId(randomBytes(8))
                .setName("openai.chat").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(startNanos).setEndTimeUnixNano(startNanos + 850_000_000L)
                .addAttributes(kv("gen_ai.system", "openai"))
                .addAttributes(kv("llm.request.type", "chat"))
                .addAttributes(kv("gen_ai.request.model", "gpt-4o-mini"))
                .addAttributes(kv("gen_ai.response.model", "gpt-4o-mini-2024-07-18"))
                .addAttributes(kv("gen_ai.usage.prompt_tokens", inputTokens))
                .addAttributes(kv("gen_ai.usage.completion_tokens", outputTokens))
                .addAttributes(kv("gen_ai.prompt.0.role", "user"))
                .addAttributes(kv("gen_ai.prompt.0.content", prompt))
                .addAttributes(kv("gen_ai.completion.0.role", "assistant"))
                .addAttributes(kv("gen_ai.completion.0.finish_reason", "stop"))
                .addAttributes(kv("gen_ai.completion.0.content", "Here is the answer to: " + prompt))
                .addAttributes(kv("traceloop.association.properties.user_id", "user-" + random.nextInt(50)))
                .addAttributes(kv("traceloop.workflow.name", "bench"))
                .build();
    }

    private ByteString randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] |= 1; // never all zero (an invalid id)
        return ByteString.copyFrom(bytes);
    }

    private static KeyValue kv(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue kv(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }
}
