package io.ledgerline.collector.receiver.otlp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a span is one LLM call and names its operation (DESIGN.md §3: chat, completion, embeddings, …).
 * Agent, tool, workflow and retrieval spans are not calls, even when they carry GenAI attributes: an agent span's
 * token counts add up its model calls, and counting both would bill the tokens twice.
 */
final class GenAiOperations {
    /** {@code gen_ai.operation.name} values of spans that wrap or sit beside model calls. */
    private static final Set<String> NOT_CALLS =
            Set.of("create_agent", "invoke_agent", "execute_tool", "invoke_workflow", "retrieval");

    /** {@code gen_ai.operation.name} and OpenLLMetry {@code llm.request.type} values that Ledgerline names differently. */
    private static final Map<String, String> RENAMED = Map.of(
            "text_completion", "completion",
            "generate_content", "chat",
            "embedding", "embeddings");

    /** OpenInference {@code openinference.span.kind} values that are model calls. */
    private static final Map<String, String> OPENINFERENCE_CALLS = Map.of(
            "LLM", "chat",
            "EMBEDDING", "embeddings",
            "RERANKER", "rerank");

    private GenAiOperations() {
    }

    /** The operation of an LLM call span, or empty when the span is not an LLM call. */
    static Optional<String> of(SpanAttributes attributes) {
        String semconv = attributes.string("gen_ai.operation.name");
        if (semconv != null) {
            String name = semconv.toLowerCase(Locale.ROOT);
            return NOT_CALLS.contains(name) ? Optional.empty() : Optional.of(RENAMED.getOrDefault(name, name));
        }
        String openInferenceKind = attributes.string("openinference.span.kind");
        if (openInferenceKind != null) {
            return Optional.ofNullable(OPENINFERENCE_CALLS.get(openInferenceKind.toUpperCase(Locale.ROOT)));
        }
        String requestType = attributes.string("llm.request.type");
        if (requestType != null) {
            String name = requestType.toLowerCase(Locale.ROOT);
            return Optional.of(RENAMED.getOrDefault(name, name));
        }
        if (attributes.has("gen_ai.request.model") || !attributes.withPrefix("gen_ai.usage.").isEmpty()) {
            return Optional.of("chat");
        }
        return Optional.empty();
    }
}
