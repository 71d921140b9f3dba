package io.ledgerline.cost.service;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CostFacet;
import io.ledgerline.cost.pricing.CallCost;
import io.ledgerline.cost.pricing.CostCalculator;
import io.ledgerline.cost.pricing.ModelResolution;
import io.ledgerline.cost.pricing.ModelResolver;
import io.ledgerline.cost.pricing.NcuCalculator;
import io.ledgerline.cost.pricing.NcuSettings;
import io.ledgerline.cost.pricing.ProjectNcuSettings;
import io.ledgerline.cost.ratecard.ModelPrice;
import io.ledgerline.cost.ratecard.RateCard;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Prices one call (DESIGN.md §5) with the rate-card version in force at its start time. Two decisions the design
 * leaves open, taken here:
 * <ul>
 *   <li>A call older than the first shipped version is priced with that first version (there is no older card).</li>
 *   <li>A model that the version in force does not list yet (it appeared in a later file) is priced with the first
 *       later version that lists it, and the record says so through {@code rateCardVersion}: such a call has a real
 *       price, and leaving it unpriced would under-state spend.</li>
 * </ul>
 * Tenant overrides in force at the call's start time come before the default card.
 */
public final class CallPricer {
    private static final String CURRENCY = "USD";

    private final List<RateCard> versionsOldestFirst;
    private final CostCalculator costs = new CostCalculator();
    private final NcuCalculator ncu = new NcuCalculator();

    public CallPricer(List<RateCard> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("at least one rate-card version is needed");
        }
        this.versionsOldestFirst = versions.stream().sorted(Comparator.comparing(RateCard::effectiveFrom)).toList();
    }

    public PricedCall price(CallRecord call, List<TenantOverride> overrides, ProjectNcuSettings projectSettings,
            BigDecimal retryCost) {
        List<ModelPrice> ownPrices = overrides.stream()
                .filter(o -> o.tenantId().equals(call.tenantId()) && !o.effectiveFrom().isAfter(call.startTime()))
                .sorted(Comparator.comparing(TenantOverride::effectiveFrom).reversed())
                .map(TenantOverride::price).toList();
        int inForce = versionInForce(call);
        ModelResolution resolution = null;
        RateCard card = null;
        for (int i = inForce; i < versionsOldestFirst.size(); i++) {
            card = versionsOldestFirst.get(i);
            resolution = resolve(new ModelResolver(card, Map.of(call.tenantId(), ownPrices)), call);
            if (resolution.priced()) {
                break;
            }
        }
        NcuSettings settings = projectSettings.forCall(call.intent() == null ? null : call.intent().label(),
                call.workflow());
        if (!resolution.priced() && costs.unbilledFailure(call.usage(), call.status())) {
            // a failed call that was not billed costs 0 whatever its model costs: it is not unpriced spend
            String version = versionsOldestFirst.get(inForce).version();
            return new PricedCall(priced(call, costs.nothing(), version, retryCost, settings), null, version, false,
                    settings);
        }
        if (!resolution.priced()) {
            CostFacet unpriced = new CostFacet(CURRENCY, null, null, null, false, resolution.unpricedReason(), null);
            return new PricedCall(call.withCost(unpriced), null, null, false, settings);
        }
        var match = resolution.price().orElseThrow();
        String version = match.tenantOverride() ? "tenant-override" : card.version();
        CallCost cost = costs.cost(call.usage(), call.status(), match.price());
        if (!cost.isPriced()) {
            CostFacet unpriced = new CostFacet(CURRENCY, null, null, version, false, cost.unpricedReason(), null);
            return new PricedCall(call.withCost(unpriced), match, version, false, settings);
        }
        boolean fellForward = !match.tenantOverride() && card != versionsOldestFirst.get(inForce);
        return new PricedCall(priced(call, cost, version, retryCost, settings), match, version, fellForward,
                settings);
    }

    private CallRecord priced(CallRecord call, CallCost cost, String version, BigDecimal retryCost,
            NcuSettings settings) {
        CostFacet.Ncu callNcu = normalised(ncu.ncu(cost.total(), call.latencyMs(), retryCost, settings));
        return call.withCost(new CostFacet(CURRENCY, normalised(cost.buckets()), plain(cost.total()), version, true,
                null, callNcu));
    }

    /**
     * The response's model first (it names the exact snapshot that ran), then the request's: a Bedrock response says
     * {@code claude-3-5-haiku-20241022} where only the request's {@code anthropic.claude-3-5-haiku-20241022-v1:0} is
     * listed for Bedrock. The unpriced reason names the response's model.
     */
    private static ModelResolution resolve(ModelResolver resolver, CallRecord call) {
        ModelResolution first = resolver.resolve(call.tenantId(), call.provider(), call.effectiveModel());
        String request = call.requestModel();
        if (first.priced() || request == null || request.isBlank() || request.equals(call.effectiveModel())) {
            return first;
        }
        ModelResolution byRequest = resolver.resolve(call.tenantId(), call.provider(), request);
        return byRequest.priced() ? byRequest : first;
    }

    /** Exact values without the trailing zeros that multiplying prices by token counts leaves (0.05439900). */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static CostFacet.BucketCosts normalised(CostFacet.BucketCosts b) {
        return new CostFacet.BucketCosts(plain(b.input()), plain(b.cacheRead()), plain(b.cacheWrite()),
                plain(b.output()), plain(b.reasoning()), plain(b.requestFee()));
    }

    private static CostFacet.Ncu normalised(CostFacet.Ncu n) {
        return new CostFacet.Ncu(plain(n.tokenCost()), plain(n.latencyPenalty()), plain(n.retryCost()),
                plain(n.total()));
    }

    private int versionInForce(CallRecord call) {
        int inForce = 0;
        for (int i = 0; i < versionsOldestFirst.size(); i++) {
            if (!versionsOldestFirst.get(i).effectiveFrom().isAfter(call.startTime())) {
                inForce = i;
            }
        }
        return inForce;
    }
}
