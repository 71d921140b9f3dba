package io.ledgerline.cost.pricing;

import io.ledgerline.cost.ratecard.BundledPriceFiles;
import io.ledgerline.cost.ratecard.ModelPrice;
import io.ledgerline.cost.ratecard.RateCard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.ledgerline.cost.MoneyAssertions.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Name matching against the merged real rate card (2025-06 then 2026-07 LiteLLM snapshots). */
class ModelResolverTest {

    private static BundledPriceFiles.Loaded loaded;
    private static ModelResolver resolver;

    @BeforeAll
    static void load() {
        loaded = BundledPriceFiles.load();
        ModelPrice negotiated = ModelPrice.of("openai", "gpt-4o", new BigDecimal("0.000002"),
                new BigDecimal("0.000008"), null, null, "acme contract 2026");
        resolver = new ModelResolver(loaded.latest(), Map.of("acme", List.of(negotiated)));
    }

    @Test
    void aCallWithoutModelOrProviderSaysWhichIsMissing() {
        assertEquals("no price: the call names no model (provider gemini)",
                resolver.resolve("t", "gemini", null).unpricedReason());
        assertEquals("no price: the call names no provider (model gpt-4o)",
                resolver.resolve("t", " ", "gpt-4o").unpricedReason());
    }

    @Test
    void exactAndCaseInsensitive() {
        assertMatch("openai", "gpt-4o", MatchRule.EXACT, "gpt-4o");
        assertMatch("openai", "GPT-4o", MatchRule.CASE_INSENSITIVE, "gpt-4o");
        assertMatch("openai", "gpt-4o-mini-2024-07-18", MatchRule.EXACT, "gpt-4o-mini-2024-07-18");
        assertMatch("anthropic", "claude-3-5-sonnet-20241022", MatchRule.EXACT, "claude-3-5-sonnet-20241022");
    }

    @Test
    void aListedDatedNameKeepsItsOwnPrice() {
        // gpt-4o-2024-05-13 is listed at 5e-06 input; gpt-4o at 2.5e-06
        ModelMatch dated = assertMatch("openai", "gpt-4o-2024-05-13", MatchRule.EXACT, "gpt-4o-2024-05-13");
        assertAmount("0.000005", dated.price().input());
    }

    @Test
    void anUnlistedDatedNameFallsBackToItsBaseModel() {
        assertMatch("openai", "gpt-4o-2099-01-01", MatchRule.WITHOUT_DATE_SUFFIX, "gpt-4o");
        assertMatch("anthropic", "claude-sonnet-4-5-20991231", MatchRule.WITHOUT_DATE_SUFFIX, "claude-sonnet-4-5");
    }

    @Test
    void providerPrefixedKeys() {
        // Azure answers with the model name; LiteLLM lists azure/<model>
        assertMatch("azure_openai", "gpt-4o-2024-08-06", MatchRule.PROVIDER_PREFIXED_KEY, "azure/gpt-4o-2024-08-06");
        assertMatch("azure_openai", "gpt-35-turbo", MatchRule.PROVIDER_PREFIXED_KEY, "azure/gpt-35-turbo");
        assertMatch("openrouter", "openai/gpt-4o", MatchRule.PROVIDER_PREFIXED_KEY, "openrouter/openai/gpt-4o");
        assertMatch("mistral", "mistral-tiny", MatchRule.PROVIDER_PREFIXED_KEY, "mistral/mistral-tiny");
        assertMatch("vertex_ai", "claude-3-5-haiku@20241022", MatchRule.PROVIDER_PREFIXED_KEY,
                "vertex_ai/claude-3-5-haiku@20241022");
        // only in the 2025-06 file: carried forward, still found
        ModelMatch llama = assertMatch("groq", "llama3-8b-8192", MatchRule.PROVIDER_PREFIXED_KEY,
                "groq/llama3-8b-8192");
        assertTrue(llama.price().carriedForward());
    }

    @Test
    void bedrockIds() {
        assertMatch("bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0", MatchRule.EXACT,
                "anthropic.claude-3-5-sonnet-20240620-v1:0");
        assertMatch("bedrock", "us.anthropic.claude-3-5-sonnet-20240620-v1:0", MatchRule.EXACT,
                "us.anthropic.claude-3-5-sonnet-20240620-v1:0");
        assertMatch("bedrock", "eu.anthropic.claude-haiku-4-5-20251001-v1:0", MatchRule.EXACT,
                "eu.anthropic.claude-haiku-4-5-20251001-v1:0");
        // no global. profile of this model is listed: priced as the in-region id
        assertMatch("bedrock", "global.anthropic.claude-3-5-sonnet-20240620-v1:0", MatchRule.WITHOUT_REGION_PREFIX,
                "anthropic.claude-3-5-sonnet-20240620-v1:0");
    }

    @Test
    void geminiNames() {
        assertMatch("gemini", "models/gemini-2.5-flash", MatchRule.WITHOUT_API_PATH, "gemini/gemini-2.5-flash");
        assertMatch("gemini", "gemini-2.5-flash-001", MatchRule.WITHOUT_REVISION_SUFFIX, "gemini/gemini-2.5-flash");
        assertMatch("gemini", "gemini-2.0-flash-001", MatchRule.PROVIDER_PREFIXED_KEY, "gemini/gemini-2.0-flash-001");
        assertMatch("vertex_ai", "gemini-2.5-flash", MatchRule.EXACT, "gemini-2.5-flash");
        // the 2025-06 card does not list this preview, so it is priced as gemini-2.5-flash; the 2026-07 card does
        ModelResolver june2025 = new ModelResolver(loaded.versions().get(0), Map.of());
        ModelMatch preview = june2025.resolve(null, "gemini", "models/gemini-2.5-flash-preview-09-2025").price()
                .orElseThrow();
        assertEquals(MatchRule.WITHOUT_REVISION_SUFFIX, preview.rule());
        assertEquals("gemini/gemini-2.5-flash", preview.price().model());
        assertMatch("gemini", "models/gemini-2.5-flash-preview-09-2025", MatchRule.WITHOUT_API_PATH,
                "gemini/gemini-2.5-flash-preview-09-2025");
    }

    @Test
    void tenantOverridesComeFirst() {
        ModelMatch own = resolver.resolve("acme", "openai", "gpt-4o").price().orElseThrow();
        assertTrue(own.tenantOverride());
        assertAmount("0.000002", own.price().input());
        // the override of gpt-4o also covers an unlisted dated name before the default card is asked
        ModelMatch dated = resolver.resolve("acme", "openai", "gpt-4o-2099-01-01").price().orElseThrow();
        assertTrue(dated.tenantOverride());
        // another tenant, and acme's other models, get the default card
        ModelMatch other = resolver.resolve("globex", "openai", "gpt-4o").price().orElseThrow();
        assertFalse(other.tenantOverride());
        assertAmount("0.0000025", other.price().input());
        assertFalse(resolver.resolve("acme", "openai", "gpt-4o-mini").price().orElseThrow().tenantOverride());
    }

    @Test
    void unknownModelsAreUnpricedWithAReason() {
        ModelResolution unknown = resolver.resolve(null, "openai", "openllmetry-testing");
        assertFalse(unknown.priced());
        assertEquals("no price for model openllmetry-testing of provider openai", unknown.unpricedReason());
        // matching never crosses providers: gpt-4o is not a Bedrock model
        assertFalse(resolver.resolve(null, "bedrock", "gpt-4o").priced());
        assertFalse(resolver.resolve(null, "openai", null).priced());
    }

    private static ModelMatch assertMatch(String provider, String model, MatchRule rule, String listedAs) {
        ModelResolution resolution = resolver.resolve(null, provider, model);
        assertTrue(resolution.priced(), () -> resolution.unpricedReason());
        ModelMatch match = resolution.price().orElseThrow();
        assertEquals(rule, match.rule(), () -> provider + " " + model);
        assertEquals(listedAs, match.price().model());
        assertEquals(provider, match.price().provider());
        return match;
    }
}
