package io.ledgerline.cost.ratecard;

import java.util.Locale;
import java.util.Map;

/**
 * Maps LiteLLM's {@code litellm_provider} values (and the first segment of its keys, such as {@code azure/}) to
 * Ledgerline's normalised provider names (DESIGN.md §3). A value without a rule is kept, lower-cased.
 */
public final class ProviderNames {

    private static final Map<String, String> LITELLM_TO_LEDGERLINE = Map.ofEntries(
            Map.entry("text-completion-openai", "openai"),
            Map.entry("azure", "azure_openai"),
            Map.entry("azure_text", "azure_openai"),
            Map.entry("bedrock_converse", "bedrock"),
            Map.entry("cohere_chat", "cohere"),
            Map.entry("codestral", "mistral"),
            Map.entry("text-completion-codestral", "mistral"),
            Map.entry("together_ai", "together"),
            Map.entry("fireworks_ai-embedding-models", "fireworks_ai"));

    private ProviderNames() {
    }

    public static String fromLiteLlm(String litellmProvider) {
        String name = litellmProvider.toLowerCase(Locale.ROOT);
        if (name.startsWith("vertex_ai-") || name.equals("vertex_ai")) {
            return "vertex_ai";
        }
        return LITELLM_TO_LEDGERLINE.getOrDefault(name, name);
    }
}
