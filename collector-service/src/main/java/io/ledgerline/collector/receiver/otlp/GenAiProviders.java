package io.ledgerline.collector.receiver.otlp;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normalises the provider of a GenAI span to the names of DESIGN.md §3 ({@code openai}, {@code azure_openai},
 * {@code bedrock}, {@code gemini}, {@code vertex_ai}, …). Reads, in order, {@code gen_ai.provider.name}, the older
 * {@code gen_ai.system}, OpenInference's {@code llm.provider} and {@code llm.system}, then the {@code server.address}
 * host. Framework names that some instrumentations put in {@code gen_ai.system} (LangChain, Google ADK…) are
 * skipped in favour of the next hint. An unrecognised provider name is kept, lower-cased; no hint at all gives
 * {@code unknown}.
 */
final class GenAiProviders {
    static final String UNKNOWN = "unknown";

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("openai", "openai"),
            Map.entry("azure.ai.openai", "azure_openai"),
            Map.entry("az.ai.openai", "azure_openai"),
            Map.entry("azure_openai", "azure_openai"),
            Map.entry("azure", "azure_openai"),
            Map.entry("azure.ai.inference", "azure_ai_inference"),
            Map.entry("az.ai.inference", "azure_ai_inference"),
            Map.entry("anthropic", "anthropic"),
            Map.entry("aws.bedrock", "bedrock"),
            Map.entry("aws_bedrock", "bedrock"),
            Map.entry("bedrock", "bedrock"),
            Map.entry("aws", "bedrock"),
            Map.entry("gcp.gemini", "gemini"),
            Map.entry("gemini", "gemini"),
            Map.entry("google", "gemini"),
            Map.entry("google-gla", "gemini"),
            Map.entry("google_genai", "gemini"),
            Map.entry("gcp.vertex_ai", "vertex_ai"),
            Map.entry("vertex_ai", "vertex_ai"),
            Map.entry("vertexai", "vertex_ai"),
            Map.entry("google-vertex", "vertex_ai"),
            Map.entry("mistral_ai", "mistral"),
            Map.entry("mistralai", "mistral"),
            Map.entry("mistral", "mistral"),
            Map.entry("cohere", "cohere"),
            Map.entry("groq", "groq"),
            Map.entry("deepseek", "deepseek"),
            Map.entry("x_ai", "xai"),
            Map.entry("xai", "xai"),
            Map.entry("perplexity", "perplexity"),
            Map.entry("ibm.watsonx.ai", "watsonx"),
            Map.entry("openrouter", "openrouter"),
            Map.entry("ollama", "ollama"));

    /** Values of {@code gen_ai.system} that name a framework, not the provider that served the call. */
    private static final Set<String> FRAMEWORKS =
            Set.of("langchain", "llamaindex", "llama_index", "crewai", "gcp.vertex.agent", "langgraph", "haystack");

    /** Host names (or their endings) of provider APIs, for spans that name no provider. */
    private static final Map<String, String> BY_HOST_SUFFIX = Map.ofEntries(
            Map.entry("api.openai.com", "openai"),
            Map.entry(".openai.azure.com", "azure_openai"),
            Map.entry("api.anthropic.com", "anthropic"),
            Map.entry("generativelanguage.googleapis.com", "gemini"),
            Map.entry("aiplatform.googleapis.com", "vertex_ai"),
            Map.entry("api.mistral.ai", "mistral"),
            Map.entry("api.groq.com", "groq"),
            Map.entry("api.deepseek.com", "deepseek"),
            Map.entry("api.cohere.com", "cohere"),
            Map.entry("api.cohere.ai", "cohere"),
            Map.entry("api.x.ai", "xai"),
            Map.entry("openrouter.ai", "openrouter"));

    private GenAiProviders() {
    }

    static String of(SpanAttributes attributes) {
        String host = attributes.string("server.address");
        for (String key : new String[] {"gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system"}) {
            String name = attributes.string(key);
            if (name == null) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("gcp.gen_ai")) {
                // "any Google generative AI endpoint": the host tells Vertex AI from the Gemini API
                return host != null && host.endsWith("aiplatform.googleapis.com") ? "vertex_ai" : "gemini";
            }
            if (!FRAMEWORKS.contains(lower)) {
                return BY_NAME.getOrDefault(lower, lower);
            }
        }
        return host == null ? UNKNOWN : fromHost(host.toLowerCase(Locale.ROOT));
    }

    private static String fromHost(String host) {
        if (host.startsWith("bedrock-runtime.") && host.endsWith(".amazonaws.com")) {
            return "bedrock";
        }
        for (Map.Entry<String, String> entry : BY_HOST_SUFFIX.entrySet()) {
            if (host.endsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return UNKNOWN;
    }
}
