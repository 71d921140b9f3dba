package io.ledgerline.intent.model;

import java.util.List;

/**
 * What the head says about one embedding.
 *
 * @param label          the answer: the most probable label, or {@code other} when its probability is below the
 *                       head's threshold
 * @param topProbability probability of the most probable trained label
 * @param top3           the three most probable trained labels, best first (kept even when {@code label} is other)
 * @param probabilities  probability of every trained label, in the head's label order
 */
public record Prediction(String label, double topProbability, List<ScoredLabel> top3, double[] probabilities) {

    /** The most probable trained label, whatever the threshold said. */
    public String topLabel() {
        return top3.get(0).label();
    }

    public boolean isOther() {
        return Taxonomy.OTHER.equals(label);
    }
}
