package io.ledgerline.intent.service;

import io.ledgerline.intent.model.ScoredLabel;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's own labels as example embeddings; a prompt gets the label of its nearest example (cosine similarity,
 * which is the dot product of the unit vectors the embedder returns).
 */
public final class TenantLabelIndex {

    public record Example(String label, float[] embedding) {
    }

    public static final TenantLabelIndex EMPTY = new TenantLabelIndex(List.of());

    private final List<Example> examples;

    public TenantLabelIndex(List<Example> examples) {
        this.examples = List.copyOf(examples);
    }

    /** The label of the most similar example with that similarity, or empty when the tenant has no examples. */
    public Optional<ScoredLabel> nearest(float[] query) {
        Example best = null;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (Example example : examples) {
            double similarity = dot(query, example.embedding());
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = example;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new ScoredLabel(best.label(), bestSimilarity));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
