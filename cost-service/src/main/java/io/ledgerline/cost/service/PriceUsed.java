package io.ledgerline.cost.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledgerline.cost.pricing.BucketPrices;
import io.ledgerline.cost.pricing.ModelMatch;
import java.math.BigDecimal;

/**
 * What a person needs to re-derive a call's cost: which rate-card row was used, how the model name found it, and the
 * per-token prices of each bucket after tier selection (USD per token, as decimal strings).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceUsed(
        String rateCardVersion,
        String provider,
        String listedModel,
        String lookedUpAs,
        String matchRule,
        boolean tenantOverride,
        boolean carriedForward,
        String lastSeenIn,
        boolean fromLaterVersion,
        Long tierAbovePromptTokens,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal inputPerToken,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cacheReadPerToken,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cacheWritePerToken,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outputPerToken,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal reasoningPerToken,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal requestFee) {

    public static PriceUsed of(PricedCall priced) {
        ModelMatch match = priced.match();
        if (match == null) {
            return null;
        }
        BucketPrices prices = BucketPrices.forRequest(match.price(), priced.call().usage().promptTokens());
        return new PriceUsed(priced.rateCardVersion(), match.price().provider(), match.price().model(),
                match.lookedUpAs(), match.rule().name(), match.tenantOverride(), match.price().carriedForward(),
                match.price().lastSeenIn(), priced.fellForward(),
                prices.tier() == null ? null : prices.tier().promptTokensAbove(), prices.input(), prices.cacheRead(),
                prices.cacheWrite(), prices.output(), prices.reasoning(), prices.requestFee());
    }
}
