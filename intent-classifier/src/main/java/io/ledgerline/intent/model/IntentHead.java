package io.ledgerline.intent.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A small classifier over a sentence embedding, either multinomial logistic regression
 * ({@code p = softmax(W·x + b)}) or a one-hidden-layer perceptron
 * ({@code p = softmax(W·relu(V·x + c) + b)}). A prediction whose top probability is below {@link #threshold()} is
 * answered as {@code other}. Immutable and thread-safe.
 * Load the shipped weights with {@link IntentHeadFiles#loadShipped(io.ledgerline.intent.embedding.ModelVariant)}.
 */
public final class IntentHead {

    private final List<String> labels;
    private final float[][] hiddenWeights; // [hidden][dimension], or null for the linear head
    private final float[] hiddenBias;      // [hidden], or null
    private final float[][] weights;       // [labels][hidden or dimension]
    private final float[] bias;
    private final double threshold;

    /**
     * The linear (logistic-regression) head.
     *
     * @param labels    one label per weight row (trained labels only, not {@code other})
     * @param weights   [labels][dimension]
     * @param bias      [labels]
     * @param threshold minimum top probability for an answer other than {@code other} (0 = never other)
     */
    public IntentHead(List<String> labels, float[][] weights, float[] bias, double threshold) {
        this(labels, null, null, weights, bias, threshold);
    }

    /**
     * The head with one ReLU hidden layer; {@code hiddenWeights == null} (and {@code hiddenBias == null}) gives the
     * linear head.
     *
     * @param hiddenWeights [hidden][dimension]
     * @param hiddenBias    [hidden]
     * @param weights       [labels][hidden]
     */
    public IntentHead(List<String> labels, float[][] hiddenWeights, float[] hiddenBias, float[][] weights, float[] bias,
                      double threshold) {
        this.labels = List.copyOf(labels);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        if (labels.size() < 2 || weights.length != labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("need at least 2 labels and one weight row and bias per label (labels "
                    + labels.size() + ", rows " + weights.length + ", bias " + bias.length + ")");
        }
        checkRectangular(weights);
        if ((hiddenWeights == null) != (hiddenBias == null)) {
            throw new IllegalArgumentException("hidden weights and hidden bias go together");
        }
        if (hiddenWeights != null) {
            checkRectangular(hiddenWeights);
            if (hiddenWeights.length != hiddenBias.length || hiddenWeights.length != weights[0].length) {
                throw new IllegalArgumentException("hidden layer has " + hiddenWeights.length + " rows and "
                        + hiddenBias.length + " biases, the output layer expects " + weights[0].length);
            }
        }
        if (labels.contains(Taxonomy.OTHER)) {
            throw new IllegalArgumentException("'other' is the below-threshold answer and cannot be a trained label");
        }
        if (threshold < 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1), was " + threshold);
        }
        this.hiddenWeights = hiddenWeights == null ? null : deepCopy(hiddenWeights);
        this.hiddenBias = hiddenBias == null ? null : hiddenBias.clone();
        this.weights = deepCopy(weights);
        this.bias = bias.clone();
        this.threshold = threshold;
    }

    private static void checkRectangular(float[][] m) {
        int dim = m[0].length;
        for (float[] row : m) {
            if (row.length != dim) {
                throw new IllegalArgumentException("weight rows differ in length");
            }
        }
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
        float[] input = embedding;
        if (hiddenWeights != null) {
            input = new float[hiddenWeights.length];
            for (int j = 0; j < input.length; j++) {
                double z = hiddenBias[j];
                float[] v = hiddenWeights[j];
                for (int d = 0; d < v.length; d++) {
                    z += (double) v[d] * embedding[d];
                }
                input[j] = z > 0 ? (float) z : 0f;
            }
        }
        double[] logits = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            double z = bias[k];
            float[] w = weights[k];
            for (int d = 0; d < w.length; d++) {
                z += (double) w[d] * input[d];
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
        return new IntentHead(labels, hiddenWeights, hiddenBias, weights, bias, newThreshold);
    }

    public List<String> labels() {
        return labels;
    }

    /** Input (embedding) dimension. */
    public int dimension() {
        return hiddenWeights != null ? hiddenWeights[0].length : weights[0].length;
    }

    /** Units of the hidden layer; 0 for the linear head. */
    public int hiddenSize() {
        return hiddenWeights == null ? 0 : hiddenWeights.length;
    }

    /** "linear" or "mlp". */
    public String architecture() {
        return hiddenWeights == null ? "linear" : "mlp";
    }

    public double threshold() {
        return threshold;
    }

    /** Output-layer weights: [labels][dimension] for the linear head, [labels][hidden] for the MLP. */
    public float[][] weights() {
        return deepCopy(weights);
    }

    public float[] bias() {
        return bias.clone();
    }

    /** Hidden-layer weights [hidden][dimension], or null for the linear head. */
    public float[][] hiddenWeights() {
        return hiddenWeights == null ? null : deepCopy(hiddenWeights);
    }

    /** Hidden-layer bias, or null for the linear head. */
    public float[] hiddenBias() {
        return hiddenBias == null ? null : hiddenBias.clone();
    }

    private static float[][] deepCopy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
