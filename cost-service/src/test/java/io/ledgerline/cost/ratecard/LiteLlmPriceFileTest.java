package io.ledgerline.cost.ratecard;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.ledgerline.cost.MoneyAssertions.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports the two real LiteLLM snapshots and a few small hand-written files. */
class LiteLlmPriceFileTest {

    private static PriceFileImport older;
    private static PriceFileImport newer;

    @BeforeAll
    static void readRealFiles() {
        older = BundledPriceFiles.read(BundledPriceFiles.SNAPSHOTS.get(0));
        newer = BundledPriceFiles.read(BundledPriceFiles.SNAPSHOTS.get(1));
    }

    @Test
    void quarantinesTheImplausibleRowsOfTheNewerFile() {
        // Found by reading the file: every per-token price above $0.001, plus one row 1000x its model elsewhere.
        Set<String> expected = new TreeSet<>(List.of(
                // $0.0032 / $0.00971 per token: Azure's per-1K-token price of JAIS 30B written as per-token
                "azure_ai/jais-30b-chat",
                // output $0.002 per token (input $0.0005): watsonx per-1K prices
                "watsonx/bigscience/mt0-xxl-13b",
                "watsonx/core42/jais-13b-chat",
                // W&B inference rows, e.g. gpt-oss-120b input 0.015 and output 0.06 "per token" where 17 other
                // providers list about 1.5e-07
                "wandb/openai/gpt-oss-120b",
                "wandb/openai/gpt-oss-20b",
                "wandb/zai-org/GLM-4.5",
                "wandb/Qwen/Qwen3-235B-A22B-Instruct-2507",
                "wandb/Qwen/Qwen3-Coder-480B-A35B-Instruct",
                "wandb/Qwen/Qwen3-235B-A22B-Thinking-2507",
                "wandb/meta-llama/Llama-3.1-8B-Instruct",
                "wandb/deepseek-ai/DeepSeek-V3.1",
                "wandb/deepseek-ai/DeepSeek-R1-0528",
                "wandb/deepseek-ai/DeepSeek-V3-0324",
                "wandb/meta-llama/Llama-3.3-70B-Instruct",
                "wandb/meta-llama/Llama-4-Scout-17B-16E-Instruct",
                "wandb/microsoft/Phi-4-mini-instruct",
                // Cohere embed-multilingual-light-v3.0 at 0.0001 per token ($100 per million) while
                // oci/cohere.embed-multilingual-light-v3.0 lists 1e-07 ($0.10 per million): 1000x apart
                "embed-multilingual-light-v3.0"));

        assertEquals(expected, quarantinedKeys(newer));
        assertTrue(reasonOf(newer, "wandb/openai/gpt-oss-120b").contains("above the 0.001 USD ceiling"));
        assertTrue(reasonOf(newer, "embed-multilingual-light-v3.0").contains("median 0.0000001"));
        assertFalse(newer.accepted().stream().anyMatch(p -> expected.contains(p.model())));
        // the plausible row of the same Cohere model stays
        assertAmount("1e-07", price(newer, "oci/cohere.embed-multilingual-light-v3.0").input());
    }

    @Test
    void theOlderFileHasNoImplausibleRows() {
        assertEquals(Set.of(), quarantinedKeys(older));
    }

    @Test
    void readsTheRealGpt4oAndClaude35SonnetPricesExactly() {
        // newer file, "gpt-4o": input_cost_per_token 2.5e-06, output 1e-05, cache_read_input_token_cost 1.25e-06
        ModelPrice gpt4o = price(newer, "gpt-4o");
        assertEquals("openai", gpt4o.provider());
        assertEquals("chat", gpt4o.mode());
        assertAmount("0.0000025", gpt4o.input());
        assertAmount("0.00001", gpt4o.output());
        assertAmount("0.00000125", gpt4o.cacheRead());
        assertNull(gpt4o.cacheWrite());
        assertNull(gpt4o.reasoning());
        assertEquals("litellm-2026-07-24", gpt4o.lastSeenIn());

        // older file only, "claude-3-5-sonnet-20241022": 3e-06, 1.5e-05, cache write 3.75e-06, cache read 3e-07
        ModelPrice sonnet = price(older, "claude-3-5-sonnet-20241022");
        assertEquals("anthropic", sonnet.provider());
        assertAmount("0.000003", sonnet.input());
        assertAmount("0.000015", sonnet.output());
        assertAmount("0.00000375", sonnet.cacheWrite());
        assertAmount("0.0000003", sonnet.cacheRead());
    }

    @Test
    void readsTiersAbove200kTokens() {
        // "claude-sonnet-4-5-20250929": *_above_200k_tokens input 6e-06, output 2.25e-05, cache read 6e-07,
        // cache creation 7.5e-06 (the *_above_1hr cache price is not imported)
        ModelPrice sonnet45 = price(newer, "claude-sonnet-4-5-20250929");
        assertEquals(1, sonnet45.tiers().size());
        PriceTier tier = sonnet45.tiers().get(0);
        assertEquals(200_000, tier.promptTokensAbove());
        assertAmount("0.000006", tier.input());
        assertAmount("0.0000225", tier.output());
        assertAmount("0.0000006", tier.cacheRead());
        assertAmount("0.0000075", tier.cacheWrite());
    }

    @Test
    void readsPerRequestFeesAndRerankQueries() {
        // "perplexity/sonar-medium-online": input_cost_per_request 0.005, input 0, output 1.8e-06
        ModelPrice sonar = price(newer, "perplexity/sonar-medium-online");
        assertAmount("0.005", sonar.perRequestFee());
        assertAmount("0", sonar.input());
        // "rerank-v3.5" (cohere, mode rerank): input_cost_per_query 0.002
        ModelPrice rerank = price(newer, "rerank-v3.5");
        assertEquals("cohere", rerank.provider());
        assertAmount("0.002", rerank.perRequestFee());
    }

    @Test
    void normalisesProviders() {
        assertEquals("azure_openai", price(newer, "azure/gpt-35-turbo").provider());
        assertEquals("azure_openai", price(newer, "azure/gpt-35-turbo-instruct").provider()); // azure_text
        assertEquals("bedrock", price(newer, "anthropic.claude-3-5-sonnet-20240620-v1:0").provider());
        assertEquals("bedrock", price(newer, "eu.anthropic.claude-haiku-4-5-20251001-v1:0").provider()); // converse
        assertEquals("vertex_ai", price(newer, "gemini-2.5-flash").provider()); // vertex_ai-language-models
        assertEquals("vertex_ai", price(newer, "vertex_ai/claude-3-5-haiku@20241022").provider());
        assertEquals("gemini", price(newer, "gemini/gemini-2.5-flash").provider());
        assertEquals("openai", price(newer, "davinci-002").provider()); // text-completion-openai
        assertEquals("cohere", price(newer, "command-r").provider()); // cohere_chat
        assertEquals("together", price(newer, "together_ai/moonshotai/Kimi-K2-Instruct").provider());
        assertEquals("mistral", price(newer, "codestral/codestral-latest").provider());
    }

    @Test
    void skipsRowsThatAreNotPricedPerTokenAndCountsThem() {
        Map<String, Integer> skipped = newer.skippedByReason();
        assertEquals(1, skipped.get("documentation entry (sample_spec)"));
        assertTrue(skipped.get("not token-priced: per image") > 0);
        assertTrue(skipped.get("not token-priced: per second") > 0);
        assertTrue(skipped.get("not token-priced: per character") > 0);
        // "dall-e-3" is priced per image only; "whisper-1" per second
        assertTrue(find(newer, "dall-e-3").isEmpty());
        assertTrue(find(newer, "whisper-1").isEmpty());
        // every top-level key is accounted for exactly once (SOURCES.md: 2,984 keys incl. sample_spec)
        assertEquals(2984, newer.accepted().size() + newer.quarantined().size() + newer.skipped());
        assertEquals(1140, older.accepted().size() + older.quarantined().size() + older.skipped());
    }

    @Test
    void keepsExponentNotationExact() throws IOException {
        PriceFileImport imported = read("""
                {"m": {"litellm_provider": "openai", "mode": "chat",
                       "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-06}}""");
        ModelPrice price = imported.accepted().get(0);
        assertEquals(0, price.input().compareTo(new java.math.BigDecimal("0.0000025")));
        assertEquals("0.000001", price.output().toPlainString());
    }

    @Test
    void quarantinesARowHundredTimesItsModelElsewhereButNotTheCheapRow() throws IOException {
        // alpha: the others' positive prices are 5e-07, 6e-07, 4.9e-05; median 6e-07; 5e-04 / 6e-07 = 833x
        PriceFileImport imported = read("""
                {"alpha/some-model": {"litellm_provider": "alpha", "input_cost_per_token": 5e-04},
                 "beta/some-model": {"litellm_provider": "beta", "input_cost_per_token": 5e-07},
                 "gamma/some-model": {"litellm_provider": "gamma", "input_cost_per_token": 6e-07},
                 "free/some-model": {"litellm_provider": "free", "input_cost_per_token": 0},
                 "delta/some-model": {"litellm_provider": "delta", "input_cost_per_token": 4.9e-05}}""");
        // delta: the others are 5e-07, 6e-07, 5e-04; median 6e-07; 4.9e-05 / 6e-07 = 82x, under 100x: kept.
        // free: a zero price takes no part in the comparison
        assertEquals(Set.of("alpha/some-model"), quarantinedKeys(imported));
        assertEquals(4, imported.accepted().size());
    }

    @Test
    void quarantinesTokenPricedRowsWithoutProviderOrWithATextPrice() throws IOException {
        PriceFileImport imported = read("""
                {"no-provider": {"input_cost_per_token": 1e-06},
                 "text-price": {"litellm_provider": "openai", "input_cost_per_token": "0.000001"},
                 "negative": {"litellm_provider": "openai", "input_cost_per_token": -1e-06}}""");
        assertEquals(Set.of("no-provider", "text-price", "negative"), quarantinedKeys(imported));
        assertEquals("no litellm_provider", reasonOf(imported, "no-provider"));
    }

    private static PriceFileImport read(String json) throws IOException {
        return LiteLlmPriceFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static Set<String> quarantinedKeys(PriceFileImport imported) {
        return imported.quarantined().stream().map(QuarantinedRow::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String reasonOf(PriceFileImport imported, String key) {
        return imported.quarantined().stream().filter(row -> row.key().equals(key)).findFirst()
                .map(QuarantinedRow::reason).orElseThrow();
    }

    static Optional<ModelPrice> find(PriceFileImport imported, String key) {
        return imported.accepted().stream().filter(price -> price.model().equals(key)).findFirst();
    }

    private static ModelPrice price(PriceFileImport imported, String key) {
        return find(imported, key).orElseThrow(() -> new AssertionError(key + " not accepted"));
    }
}
