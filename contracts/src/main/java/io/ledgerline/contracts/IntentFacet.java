package io.ledgerline.contracts;

/**
 * Added by intent-classifier. {@code confidence} is the probability of {@code label} (0–1); {@code reason} says why
 * the label is {@code other} (no user turn to classify, confidence below the threshold), and is null otherwise.
 */
public record IntentFacet(String label, double confidence, String modelVersion, String reason) {

    public static IntentFacet of(String label, double confidence, String modelVersion) {
        return new IntentFacet(label, confidence, modelVersion, null);
    }
}
