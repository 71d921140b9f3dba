package io.ledgerline.cost.pricing;

import io.ledgerline.cost.ratecard.ModelPrice;
import io.ledgerline.cost.ratecard.PriceIndex;
import io.ledgerline.cost.ratecard.RateCard;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the price of a (provider, model name) pair: first among the tenant's own overrides, then in the default
 * rate card. In each, the name as given is looked up exactly, ignoring case, and behind the provider's key prefix;
 * only when none of these finds it are the {@link ModelNameRewrites rewrites} tried, in order, each with the same
 * three lookups. So a dated name that is listed itself ({@code gpt-4o-2024-05-13}) keeps its own price, and an
 * override for {@code gpt-4o} also covers an unlisted {@code gpt-4o-2099-01-01} before the default card is asked.
 *
 * <p>The provider is the normalised one of the call record. For Azure pass the response model (the model name the
 * service answered with, {@code CallRecord.effectiveModel()}): deployment names are the customer's own and are not
 * in any price list. Matching never crosses providers.
 */
public final class ModelResolver {

    private final PriceIndex defaultCard;
    private final Map<String, PriceIndex> overridesByTenant = new HashMap<>();

    public ModelResolver(RateCard defaultCard, Map<String, List<ModelPrice>> overridesByTenant) {
        this.defaultCard = defaultCard.index();
        overridesByTenant.forEach((tenant, prices) -> this.overridesByTenant.put(tenant, new PriceIndex(prices)));
    }

    public ModelResolution resolve(String tenantId, String provider, String model) {
        if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
            return ModelResolution.unknown(model == null || model.isBlank()
                    ? "no price: the call names no model (provider " + provider + ")"
                    : "no price: the call names no provider (model " + model + ")");
        }
        String normalisedProvider = provider.toLowerCase(Locale.ROOT);
        PriceIndex overrides = overridesByTenant.get(tenantId);
        if (overrides != null) {
            Optional<ModelMatch> own = match(overrides, normalisedProvider, model, true);
            if (own.isPresent()) {
                return ModelResolution.found(own.get());
            }
        }
        return match(defaultCard, normalisedProvider, model, false)
                .map(ModelResolution::found)
                .orElseGet(() -> ModelResolution.unknown("no price for model " + model + " of provider " + provider));
    }

    private static Optional<ModelMatch> match(PriceIndex index, String provider, String model, boolean tenantOverride) {
        Optional<ModelMatch> asGiven = lookup(index, provider, model, null, tenantOverride);
        if (asGiven.isPresent()) {
            return asGiven;
        }
        for (ModelNameRewrites.Candidate candidate : ModelNameRewrites.of(model)) {
            Optional<ModelMatch> rewritten = lookup(index, provider, candidate.name(), candidate.rule(), tenantOverride);
            if (rewritten.isPresent()) {
                return rewritten;
            }
        }
        return Optional.empty();
    }

    /** The three lookups of one name; {@code rewrite} is the rule that produced the name, null for the name as given. */
    private static Optional<ModelMatch> lookup(PriceIndex index, String provider, String name, MatchRule rewrite,
                                               boolean tenantOverride) {
        Optional<ModelPrice> exact = index.exact(provider, name);
        if (exact.isPresent()) {
            return Optional.of(new ModelMatch(exact.get(), rewrite == null ? MatchRule.EXACT : rewrite, name,
                    tenantOverride));
        }
        Optional<ModelPrice> ignoringCase = index.ignoringCase(provider, name);
        if (ignoringCase.isPresent()) {
            return Optional.of(new ModelMatch(ignoringCase.get(),
                    rewrite == null ? MatchRule.CASE_INSENSITIVE : rewrite, name, tenantOverride));
        }
        return index.withoutProviderPrefix(provider, name).map(price -> new ModelMatch(price,
                rewrite == null ? MatchRule.PROVIDER_PREFIXED_KEY : rewrite, name, tenantOverride));
    }
}
