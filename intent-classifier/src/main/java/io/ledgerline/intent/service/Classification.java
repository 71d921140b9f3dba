package io.ledgerline.intent.service;

import io.ledgerline.intent.model.ScoredLabel;
import java.util.List;

/**
 * The intent of one prompt and how it was decided.
 *
 * @param label       a trained label, a tenant label, or {@code other}
 * @param confidence  the head's probability of its best label, or the similarity to the nearest tenant example
 * @param source      {@code model} (the trained head), {@code tenant} (a tenant's examples) or {@code none} (no text)
 * @param top3        the trained head's three most probable labels (empty when there was no text)
 * @param tenantMatch the tenant's nearest example label and its similarity, when the tenant has labels
 * @param reason      why the label is {@code other}; null otherwise
 */
public record Classification(String label, double confidence, String source, String modelVersion,
        List<ScoredLabel> top3, ScoredLabel tenantMatch, String reason) {
}
