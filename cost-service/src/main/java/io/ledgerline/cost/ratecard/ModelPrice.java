package io.ledgerline.cost.ratecard;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One rate-card row: the USD per-token prices of one model of one provider.
 *
 * <p>{@code provider} is the normalised provider name (see {@link ProviderNames}); {@code model} is the name the
 * price source lists (for LiteLLM, the key with its prefixes, such as {@code azure/gpt-4o}). A null price means
 * the source gives none: a null {@code reasoning} is billed at the output price, a null cache price at the input
 * price. {@code perRequestFee} is a flat USD amount per call (null when there is none).
 *
 * <p>{@code lastSeenIn} names the price-file version this row was last read from; {@code carriedForward} is true
 * when a newer version no longer lists the model and the rate card keeps this last known price.
 */
public record ModelPrice(
        String provider,
        String model,
        String mode,
        BigDecimal input,
        BigDecimal output,
        BigDecimal cacheRead,
        BigDecimal cacheWrite,
        BigDecimal reasoning,
        BigDecimal perRequestFee,
        List<PriceTier> tiers,
        boolean carriedForward,
        String lastSeenIn) {

    public ModelPrice {
        if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("a model price needs a provider and a model name");
        }
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A tenant's own price (negotiated discount, private deployment): no tiers, no per-request fee. */
    public static ModelPrice of(String provider, String model, BigDecimal input, BigDecimal output,
                                BigDecimal cacheRead, BigDecimal cacheWrite, String source) {
        return new ModelPrice(provider, model, "chat", input, output, cacheRead, cacheWrite, null, null,
                List.of(), false, source);
    }

    /** The tier with the highest threshold that the prompt size is above, if any. */
    public Optional<PriceTier> tierFor(long promptTokens) {
        return tiers.stream()
                .filter(tier -> tier.appliesTo(promptTokens))
                .max(Comparator.comparingLong(PriceTier::promptTokensAbove));
    }

    public ModelPrice asCarriedForward() {
        return new ModelPrice(provider, model, mode, input, output, cacheRead, cacheWrite, reasoning, perRequestFee,
                tiers, true, lastSeenIn);
    }
}
