package io.ledgerline.cost.pricing;

import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import io.ledgerline.cost.ratecard.BundledPriceFiles;
import io.ledgerline.cost.ratecard.ModelPrice;
import io.ledgerline.cost.ratecard.PriceIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.ledgerline.cost.MoneyAssertions.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Expected amounts are worked out by hand in the comments; prices of real rows are read from the LiteLLM files. */
class CostCalculatorTest {

    private static PriceIndex latest;
    private final CostCalculator calculator = new CostCalculator();

    @BeforeAll
    static void load() {
        latest = BundledPriceFiles.load().latest().index();
    }

    // Anthropic usage: input_tokens=3, cache_creation_input_tokens=12304, cache_read_input_tokens=0,
    // output_tokens=550. Anthropic's input EXCLUDES both cache buckets (DESIGN.md §4).
    private static final Usage ANTHROPIC_USAGE = usage(3, 0, 12304, 550, 0);

    // OpenAI usage: prompt_tokens=2006 (INCLUDES cached_tokens=1920), completion_tokens=300:
    // input = 2006 - 1920 = 86, cacheRead = 1920, output = 300.
    private static final Usage OPENAI_USAGE = usage(86, 1920, 0, 300, 0);

    @Test
    void anthropicCacheWriteIsBilledOnceAtTheCacheWritePrice() {
        // $3 / $3.75 (cache write) / $15 per million tokens
        ModelPrice price = price("anthropic", "claude", "3", "15", null, "3.75");
        CallCost cost = calculator.cost(ANTHROPIC_USAGE, CallStatus.OK, price);
        // input 3 x 3e-06 = 0.000009; cache write 12304 x 3.75e-06 = 0.04614; output 550 x 1.5e-05 = 0.00825
        assertAmount("0.000009", cost.buckets().input());
        assertAmount("0.04614", cost.buckets().cacheWrite());
        assertAmount("0.00825", cost.buckets().output());
        // 0.000009 + 0.04614 + 0.00825 = 0.054399
        assertAmount("0.054399", cost.total());
        // a known tool also billed the 12304 cache-write tokens as input: + 12304 x 3e-06 = 0.036912 -> 0.091311
        assertNotEquals(0, new BigDecimal("0.091311").compareTo(cost.total()));
    }

    @Test
    void openAiCachedTokensAreBilledAtTheCacheReadPrice() {
        // $2.50 / $1.25 (cached) / $10 per million tokens
        ModelPrice price = price("openai", "gpt", "2.50", "10", "1.25", null);
        CallCost cost = calculator.cost(OPENAI_USAGE, CallStatus.OK, price);
        // input 86 x 2.5e-06 = 0.000215; cacheRead 1920 x 1.25e-06 = 0.0024; output 300 x 1e-05 = 0.003
        assertAmount("0.000215", cost.buckets().input());
        assertAmount("0.0024", cost.buckets().cacheRead());
        assertAmount("0.003", cost.buckets().output());
        assertAmount("0.005615", cost.total());
    }

    @Test
    void theSameCallsAtTheRealLiteLlmPrices() {
        // claude-3-5-sonnet-20241022 (2025-06 file, carried forward): input_cost_per_token 3e-06,
        // cache_creation_input_token_cost 3.75e-06, output_cost_per_token 1.5e-05 -> the same 0.054399
        ModelPrice sonnet = latest.exact("anthropic", "claude-3-5-sonnet-20241022").orElseThrow();
        assertAmount("0.054399", calculator.cost(ANTHROPIC_USAGE, CallStatus.OK, sonnet).total());
        // gpt-4o (2026-07 file): 2.5e-06, cache_read_input_token_cost 1.25e-06, 1e-05 -> the same 0.005615
        ModelPrice gpt4o = latest.exact("openai", "gpt-4o").orElseThrow();
        assertAmount("0.005615", calculator.cost(OPENAI_USAGE, CallStatus.OK, gpt4o).total());
    }

    @Test
    void aPromptAbove200kTokensIsBilledWhollyAtTheTierPrices() {
        // claude-sonnet-4-5-20250929 (2026-07 file): base 3e-06 / 1.5e-05 / cache read 3e-07;
        // above 200k: 6e-06 / 2.25e-05 / cache read 6e-07
        ModelPrice sonnet45 = latest.exact("anthropic", "claude-sonnet-4-5-20250929").orElseThrow();

        // prompt = 150000 + 60000 = 210000 > 200000: the tier applies to all of it and to the output
        CallCost above = calculator.cost(usage(150_000, 60_000, 0, 1_000, 0), CallStatus.OK, sonnet45);
        // 150000 x 6e-06 = 0.9; 60000 x 6e-07 = 0.036; 1000 x 2.25e-05 = 0.0225; total 0.9585
        assertAmount("0.9", above.buckets().input());
        assertAmount("0.036", above.buckets().cacheRead());
        assertAmount("0.0225", above.buckets().output());
        assertAmount("0.9585", above.total());

        // prompt = 150000 + 50000 = 200000, not above 200000: base prices
        CallCost at = calculator.cost(usage(150_000, 50_000, 0, 1_000, 0), CallStatus.OK, sonnet45);
        // 150000 x 3e-06 = 0.45; 50000 x 3e-07 = 0.015; 1000 x 1.5e-05 = 0.015; total 0.48
        assertAmount("0.48", at.total());
    }

    @Test
    void perRequestFeeIsAdded() {
        // perplexity/sonar-medium-online: input 0, output 1.8e-06, input_cost_per_request 0.005
        ModelPrice sonar = latest.exact("perplexity", "perplexity/sonar-medium-online").orElseThrow();
        CallCost cost = calculator.cost(usage(100, 0, 0, 200, 0), CallStatus.OK, sonar);
        // 100 x 0 + 200 x 1.8e-06 = 0.00036; + 0.005 = 0.00536
        assertAmount("0.005", cost.buckets().requestFee());
        assertAmount("0.00536", cost.total());
    }

    @Test
    void reasoningWithoutItsOwnPriceIsBilledAtTheOutputPrice() {
        // o3-mini (2026-07 file): input 1.1e-06, output 4.4e-06, no output_cost_per_reasoning_token
        ModelPrice o3mini = latest.exact("openai", "o3-mini").orElseThrow();
        CallCost cost = calculator.cost(usage(1_000, 0, 0, 200, 800), CallStatus.OK, o3mini);
        // 1000 x 1.1e-06 = 0.0011; 200 x 4.4e-06 = 0.00088; 800 x 4.4e-06 = 0.00352; total 0.0055
        assertAmount("0.00352", cost.buckets().reasoning());
        assertAmount("0.0055", cost.total());
    }

    @Test
    void reasoningWithItsOwnPriceUsesIt() {
        // dashscope/qwen-turbo (2026-07 file): output 2e-07, output_cost_per_reasoning_token 5e-07
        ModelPrice qwen = latest.exact("dashscope", "dashscope/qwen-turbo").orElseThrow();
        // 1000 reasoning tokens x 5e-07 = 0.0005
        assertAmount("0.0005", calculator.cost(usage(0, 0, 0, 0, 1_000), CallStatus.OK, qwen).buckets().reasoning());
    }

    @Test
    void missingCachePricesFallBackToTheInputPrice() {
        // $1 input, $2 output, no cache prices: 100 cache-read and 10 cache-write tokens at 1e-06 each
        ModelPrice price = price("openai", "plain", "1", "2", null, null);
        CallCost cost = calculator.cost(usage(0, 100, 10, 0, 0), CallStatus.OK, price);
        assertAmount("0.0001", cost.buckets().cacheRead());
        assertAmount("0.00001", cost.buckets().cacheWrite());
    }

    @Test
    void aFailedCallCostsNothingUnlessTheProviderReportedBillableUsage() {
        ModelPrice price = price("openai", "gpt", "2.50", "10", "1.25", null);
        // a timeout: our tokenizer counted the prompt, the provider reported nothing
        Usage countedOnly = new Usage(TokenBucket.counted(500), null, null, null, null, null, null, null);
        CallCost nothing = calculator.cost(countedOnly, CallStatus.ERROR, price);
        assertAmount("0", nothing.total());
        assertAmount("0", nothing.buckets().input());
        // no usage at all
        assertAmount("0", calculator.cost(null, CallStatus.ERROR, price).total());

        // a call cut off after the provider reported 500 input and 20 output tokens: billed
        Usage reported = new Usage(TokenBucket.reported(500), null, null, TokenBucket.reported(20), null, null, null,
                null);
        CallCost billed = calculator.cost(reported, CallStatus.ERROR, price);
        // 500 x 2.5e-06 = 0.00125; 20 x 1e-05 = 0.0002; total 0.00145
        assertAmount("0.00145", billed.total());
    }

    @Test
    void aBucketWithTokensButNoPriceLeavesTheCallUnpriced() {
        // an embedding row with an input price only, asked for output tokens
        ModelPrice embedding = new ModelPrice("openai", "embed", "embedding", new BigDecimal("1e-07"), null, null,
                null, null, null, List.of(), false, "test");
        CallCost cost = calculator.cost(usage(10, 0, 0, 5, 0), CallStatus.OK, embedding);
        assertFalse(cost.isPriced());
        assertNull(cost.total());
        assertEquals("no output price for model embed of provider openai", cost.unpricedReason());
        // without output tokens it is priced: 10 x 1e-07 = 0.000001
        assertAmount("0.000001", calculator.cost(usage(10, 0, 0, 0, 0), CallStatus.OK, embedding).total());
    }

    private static Usage usage(long input, long cacheRead, long cacheWrite, long output, long reasoning) {
        return new Usage(TokenBucket.reported(input), TokenBucket.reported(cacheRead), TokenBucket.reported(cacheWrite),
                TokenBucket.reported(output), TokenBucket.reported(reasoning), null, null, null);
    }

    /** A price from USD-per-million figures, as providers publish them. */
    private static ModelPrice price(String provider, String model, String inputPerMillion, String outputPerMillion,
                                    String cacheReadPerMillion, String cacheWritePerMillion) {
        return ModelPrice.of(provider, model, perToken(inputPerMillion), perToken(outputPerMillion),
                perToken(cacheReadPerMillion), perToken(cacheWritePerMillion), "test");
    }

    private static BigDecimal perToken(String perMillion) {
        return perMillion == null ? null : new BigDecimal(perMillion).movePointLeft(6);
    }
}
