package io.ledgerline.collector.processor.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the request URL says: the normalised provider (DESIGN.md §3), the operation, and the model when the URL
 * carries it (Azure deployment, Bedrock model id, Gemini model, Replicate model).
 */
record Endpoint(String provider, String operation, String urlModel, String path) {

    static final String UNKNOWN = "unknown";

    // Host suffix → provider. Order matters only where suffixes overlap (none today).
    private static final List<Map.Entry<String, String>> HOSTS = List.of(
            Map.entry("api.openai.com", "openai"),
            Map.entry("openai.azure.com", "azure_openai"),
            Map.entry("cognitiveservices.azure.com", "azure_openai"),
            Map.entry("services.ai.azure.com", "azure_openai"),
            Map.entry("api.anthropic.com", "anthropic"),
            Map.entry("amazonaws.com", "bedrock"),
            Map.entry("generativelanguage.googleapis.com", "gemini"),
            Map.entry("aiplatform.googleapis.com", "vertex_ai"),
            Map.entry("api.mistral.ai", "mistral"),
            Map.entry("api.cohere.com", "cohere"),
            Map.entry("api.cohere.ai", "cohere"),
            Map.entry("api.groq.com", "groq"),
            Map.entry("api.deepseek.com", "deepseek"),
            Map.entry("openrouter.ai", "openrouter"),
            Map.entry("api.together.xyz", "together"),
            Map.entry("api.together.ai", "together"),
            Map.entry("api.cerebras.ai", "cerebras"),
            Map.entry("huggingface.co", "huggingface"),
            Map.entry("huggingface.cloud", "huggingface"),
            Map.entry("replicate.com", "replicate"),
            Map.entry("replicate.net", "replicate"),
            Map.entry("api.voyageai.com", "voyageai"),
            Map.entry("api.aleph-alpha.com", "aleph_alpha"),
            Map.entry("api.writer.com", "writer"),
            Map.entry("api.x.ai", "xai"),
            Map.entry("api.fireworks.ai", "fireworks"),
            Map.entry("api.perplexity.ai", "perplexity"),
            Map.entry("api.ai21.com", "ai21"));

    // Hints a caller may send (the proxy route name, an SDK's name for the provider) → normalised name.
    private static final Map<String, String> HINT_ALIASES = Map.of(
            "azure", "azure_openai",
            "google", "gemini",
            "google_genai", "gemini",
            "vertex", "vertex_ai",
            "vertexai", "vertex_ai",
            "aws", "bedrock",
            "aws_bedrock", "bedrock",
            "claude", "anthropic",
            "mistralai", "mistral",
            "alephalpha", "aleph_alpha");

    private static final Pattern AZURE_DEPLOYMENT = Pattern.compile("/openai/deployments/([^/]+)/");
    private static final Pattern BEDROCK_MODEL = Pattern.compile("/model/([^/]+)/");
    private static final Pattern GOOGLE_MODEL = Pattern.compile("/models/([^/:]+):");
    private static final Pattern REPLICATE_MODEL = Pattern.compile("/models/([^/]+/[^/]+)/predictions");

    static Endpoint of(RawExchange exchange, JsonNode request) {
        URI uri = parseUrl(exchange.url());
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String provider = provider(exchange.provider(), host, uri.getPort(), path);
        String urlModel = urlModel(provider, path);
        return new Endpoint(provider, operation(path, request, urlModel), urlModel, path);
    }

    private static URI parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidExchangeException("request.url", "is required");
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getRawPath() == null || (uri.getHost() == null && !uri.getRawPath().startsWith("/"))) {
                throw new InvalidExchangeException("request.url", "is not an absolute URL or path: " + url);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidExchangeException("request.url", "is not a valid URL: " + e.getReason());
        }
    }

    static String provider(String hint, String host, int port, String path) {
        if (hint != null && !hint.isBlank() && !hint.equalsIgnoreCase("auto")) {
            String normalised = hint.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            return HINT_ALIASES.getOrDefault(normalised, normalised);
        }
        for (Map.Entry<String, String> entry : HOSTS) {
            if (host.equals(entry.getKey()) || host.endsWith("." + entry.getKey())) {
                if (entry.getValue().equals("bedrock") && !host.startsWith("bedrock")) {
                    continue;
                }
                return entry.getValue();
            }
        }
        // Ollama runs on the user's own host; its default port and native /api/ paths identify it.
        if (port == 11434 || path.matches("/api/(chat|generate|embed|embeddings)")) {
            return "ollama";
        }
        return UNKNOWN;
    }

    private static String urlModel(String provider, String path) {
        Matcher m = AZURE_DEPLOYMENT.matcher(path);
        if (m.find()) {
            return decode(m.group(1));
        }
        m = BEDROCK_MODEL.matcher(path);
        if (provider.equals("bedrock") && m.find()) {
            return decode(m.group(1));
        }
        m = REPLICATE_MODEL.matcher(path);
        if (m.find()) {
            return decode(m.group(1));
        }
        m = GOOGLE_MODEL.matcher(path);
        if (m.find()) {
            return decode(m.group(1));
        }
        return null;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String operation(String path, JsonNode request, String urlModel) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith("/chat/completions")) {
            return "chat";
        }
        if (p.endsWith("/completions") || p.endsWith("/complete") || p.endsWith("/generate")
                || p.endsWith("/predictions")) {
            return "completion";
        }
        if (p.endsWith("/responses")) {
            return "responses";
        }
        if (p.endsWith("/embeddings") || p.endsWith("/embed") || p.contains(":embedcontent")
                || p.contains(":batchembedcontents")) {
            return "embeddings";
        }
        if (p.endsWith("/rerank")) {
            return "rerank";
        }
        if (p.endsWith("/count_tokens") || p.contains(":counttokens")) {
            return "count_tokens";
        }
        if (p.contains("/cachedcontents")) {
            return "cache";
        }
        if (p.endsWith("/messages") || p.endsWith("/chat") || p.endsWith("/converse") || p.endsWith("/converse-stream")
                || p.contains(":generatecontent") || p.contains(":streamgeneratecontent")) {
            return "chat";
        }
        return operationFromBody(request, urlModel);
    }

    // Bedrock invoke and unrecognised paths: the body's shape tells chat, completion and embeddings apart.
    private static String operationFromBody(JsonNode request, String urlModel) {
        if (urlModel != null && urlModel.toLowerCase(Locale.ROOT).contains("embed")) {
            return "embeddings";
        }
        if (request == null) {
            return "other";
        }
        if (request.has("messages") || request.has("contents")) {
            return "chat";
        }
        if (request.has("prompt") || request.has("inputText")) {
            return "completion";
        }
        if (request.has("input") || request.has("texts")) {
            return "embeddings";
        }
        return "other";
    }
}
