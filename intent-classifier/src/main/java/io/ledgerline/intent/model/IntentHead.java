package io.ledgerline.intent.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Multinomial logistic regression over a sentence embedding: {@code p = softmax(W·x + b)}. A prediction whose top
 * probability is below {@link #threshold()} is answered as {@code other}. Immutable and thread-safe.
 * Load the shipped weights with {@link IntentHeadFiles#loadShipped(io.ledgerline.intent.embedding.ModelVariant)}.
 */
public final class IntentHead {

    private final List<String> labels;
    private final float[][] weights;
    private final float[] bias;
    private final double threshold;

    /**
     * @param labels    one label per weight row (trained labels only, not {@code other})
     * @param weights   [labels][dimension]
     * @param bias      [labels]
     * @param threshold minimum top probability for an answer other than {@code other} (0 = never other)
     */
    public IntentHead(List<String> labels, float[][] weights, float[] bias, double threshold) {
        this.labels = List.copyOf(labels);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        if (labels.size() < 2 || weights.length != labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("need at least 2 labels and one weight row and bias per label (labels "
                    + labels.size() + ", rows " + weights.length + ", bias " + bias.length + ")");
        }
        int dim = weights[0].length;
        for (float[] row : weights) {
            if (row.length != dim) {
                throw new IllegalArgumentException("weight rows differ in length");
            }
        }
        if (labels.contains(Taxonomy.OTHER)) {
            throw new IllegalArgumentException("'other' is the below-threshold answer and cannot be a trained label");
        }
        if (threshold < 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1), was " + threshold);
        }
        this.weights = deepCopy(weights);
        this.bias = bias.clone();
        this.threshold = threshold;
    }

    public Prediction predict(float[] embedding) {
        double[] p = probabilities(embedding);
        List<ScoredLabel> ranked = new ArrayList<>(labels.size());
        for (int k = 0; k < p.length; k++) {
            ranked.add(new ScoredLabel(labels.get(k), p[k]));
        }
        ranked.sort(Comparator.comparingDouble(ScoredLabel::probability).reversed());
        List<ScoredLabel> top3 = List.copyOf(ranked.subList(0, Math.min(3, ranked.size())));
        double top = top3.get(0).probability();
        String label = top < threshold ? Taxonomy.OTHER : top3.get(0).label();
        return new Prediction(label, top, top3, p);
    }

    /** Softmax probabilities in label order. */
    public double[] probabilities(float[] embedding) {
        if (embedding.length != dimension()) {
            throw new IllegalArgumentException("embedding has " + embedding.length + " dimensions, the head expects "
                    + dimension());
        }
        double[] logits = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            double z = bias[k];
            float[] w = weights[k];
            for (int d = 0; d < w.length; d++) {
                z += (double) w[d] * embedding[d];
            }
            logits[k] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= sum;
        }
        return logits;
    }

    public IntentHead withThreshold(double newThreshold) {
        return new IntentHead(labels, weights, bias, newThreshold);
    }

    public List<String> labels() {
        return labels;
    }

    public int dimension() {
        return weights[0].length;
    }

    public double threshold() {
        return threshold;
    }

    public float[][] weights() {
        return deepCopy(weights);
    }

    public float[] bias() {
        return bias.clone();
    }

    private static float[][] deepCopy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
