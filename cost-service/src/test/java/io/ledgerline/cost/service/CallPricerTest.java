package io.ledgerline.cost.service;

import static io.ledgerline.cost.MoneyAssertions.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.Source;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import io.ledgerline.cost.pricing.NcuSettings;
import io.ledgerline.cost.pricing.ProjectNcuSettings;
import io.ledgerline.cost.ratecard.BundledPriceFiles;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which model name and which rate-card version price a call, on the real bundled snapshots. */
class CallPricerTest {
    private static CallPricer pricer;
    private static final ProjectNcuSettings NO_TIME_VALUE =
            new ProjectNcuSettings(NcuSettings.DEFAULT, Map.of(), Map.of());

    @BeforeAll
    static void load() {
        pricer = new CallPricer(BundledPriceFiles.load().versions());
    }

    @Test
    void aBedrockResponseModelThatOnlyTheRequestIdNamesIsPricedByTheRequestId() {
        // data/recorded-calls/openllmetry/bedrock/bedrock__traces__test_anthropic__test_prompt_cache: the request goes
        // to /model/anthropic.claude-3-5-haiku-20241022-v1:0/invoke, the body answers "model":
        // "claude-3-5-haiku-20241022" with usage input 4, cache_creation 18131, cache_read 0, output 50 (18 Mar 2025).
        // LiteLLM 2025-06 lists the Bedrock id at input 8e-07, cache write 1e-06, output 4e-06 per token:
        // 4 × 0.0000008 + 18131 × 0.000001 + 50 × 0.000004 = 0.0000032 + 0.018131 + 0.0002 = 0.0183342
        CallRecord call = bedrockCall("claude-3-5-haiku-20241022", "anthropic.claude-3-5-haiku-20241022-v1:0");

        PricedCall priced = pricer.price(call, List.of(), NO_TIME_VALUE, BigDecimal.ZERO);

        assertTrue(priced.call().cost().priced(), String.valueOf(priced.call().cost().unpricedReason()));
        assertAmount("0.0183342", priced.call().cost().total());
        assertEquals("anthropic.claude-3-5-haiku-20241022-v1:0", priced.match().price().model());
    }

    @Test
    void whenNeitherNameIsListedTheReasonNamesTheResponseModel() {
        CallRecord call = bedrockCall("claude-made-up-1", "anthropic.claude-made-up-1-v1:0");

        PricedCall priced = pricer.price(call, List.of(), NO_TIME_VALUE, BigDecimal.ZERO);

        assertFalse(priced.call().cost().priced());
        assertTrue(priced.call().cost().unpricedReason().contains("claude-made-up-1 of provider bedrock"),
                priced.call().cost().unpricedReason());
    }

    @Test
    void aFailedCallToAModelNobodyPricesCostsNothingAndIsNotUnpriced() {
        // data/recorded-calls: Anthropic answers 404 not_found_error for "claude-does-not-exist" and bills nothing.
        // A failed call without reported usage costs 0 whatever the model's price (DESIGN §5), so no price is needed.
        Instant start = Instant.parse("2025-07-01T10:00:00Z");
        CallRecord failed = new CallRecordBuilder().callId("c2").tenantId("t").projectId("p").source(Source.API)
                .provider("anthropic").operation("chat").requestModel("claude-does-not-exist").startTime(start)
                .endTime(start.plusMillis(300)).latencyMs(300L).status(CallStatus.ERROR).httpStatus(404)
                .attempt(0).logicalRequestId("c2").usage(new Usage(null, null, null, null, null, null, null, null))
                .build();

        PricedCall priced = pricer.price(failed, List.of(), NO_TIME_VALUE, BigDecimal.ZERO);

        assertTrue(priced.call().cost().priced(), String.valueOf(priced.call().cost().unpricedReason()));
        assertAmount("0", priced.call().cost().total());
        assertAmount("0", priced.call().cost().ncu().total());
        assertEquals("litellm-2025-06-28", priced.call().cost().rateCardVersion());

        // the same model with billed usage is still unpriced: then its price matters
        CallRecord billed = CallRecordBuilder.from(failed).usage(new Usage(TokenBucket.reported(10), null, null,
                null, null, null, null, null)).build();
        assertFalse(pricer.price(billed, List.of(), NO_TIME_VALUE, BigDecimal.ZERO).call().cost().priced());
    }

    private static CallRecord bedrockCall(String responseModel, String requestModel) {
        Instant start = Instant.parse("2025-03-18T08:45:40Z");
        return new CallRecordBuilder().callId("c1").tenantId("t").projectId("p").source(Source.API)
                .provider("bedrock").operation("chat").requestModel(requestModel).responseModel(responseModel)
                .startTime(start).endTime(start.plusSeconds(2)).latencyMs(2000L).status(CallStatus.OK)
                .attempt(0).logicalRequestId("c1")
                .usage(new Usage(TokenBucket.reported(4), TokenBucket.reported(0), TokenBucket.reported(18131),
                        TokenBucket.reported(50), null, null, null, null))
                .build();
    }
}
