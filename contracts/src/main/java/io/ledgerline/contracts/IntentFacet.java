package io.ledgerline.contracts;

/** Added by intent-classifier. */
public record IntentFacet(String label, double confidence, String modelVersion) {
}
