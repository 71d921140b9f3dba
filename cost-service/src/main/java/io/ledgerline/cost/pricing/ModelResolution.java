package io.ledgerline.cost.pricing;

import java.util.Optional;

/** The answer of {@link ModelResolver}: a match, or the reason no price is known (stored as the unpriced reason). */
public record ModelResolution(ModelMatch match, String unpricedReason) {

    public static ModelResolution found(ModelMatch match) {
        return new ModelResolution(match, null);
    }

    public static ModelResolution unknown(String reason) {
        return new ModelResolution(null, reason);
    }

    public Optional<ModelMatch> price() {
        return Optional.ofNullable(match);
    }

    public boolean priced() {
        return match != null;
    }
}
