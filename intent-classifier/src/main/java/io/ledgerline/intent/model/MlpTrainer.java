package io.ledgerline.intent.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Trains an {@link IntentHead} with one ReLU hidden layer in plain Java: mini-batch Adam on the class-weighted
 * cross-entropy, inverted dropout on the hidden units, an L2 penalty on both weight matrices (not the biases),
 * He-initialised hidden weights and zero output weights. Single-threaded and deterministic for a given seed and
 * input order. Class weights are {@code (n / (k · n_label))^power} as in {@link HeadTrainer}.
 */
public final class MlpTrainer {

    /**
     * @param hidden           hidden units
     * @param epochs           passes over the data
     * @param batchSize        examples per Adam step
     * @param learningRate     Adam step size
     * @param l2               penalty λ in {@code λ/2 · (||V||² + ||W||²)}
     * @param dropout          probability of dropping a hidden unit while training (0 = none)
     * @param classWeightPower exponent of the class weights (0 = unweighted, 1 = fully balanced)
     * @param seed             initialisation, shuffling and dropout
     */
    public record Settings(int hidden, int epochs, int batchSize, double learningRate, double l2, double dropout,
                           double classWeightPower, long seed) {
        public static Settings defaults() {
            return new Settings(256, 40, 64, 0.001, 1e-4, 0.2, 0.5, 20261204L);
        }

        public Settings withEpochs(int newEpochs) {
            return new Settings(hidden, newEpochs, batchSize, learningRate, l2, dropout, classWeightPower, seed);
        }
    }

    private final Settings settings;

    public MlpTrainer(Settings settings) {
        this.settings = settings;
    }

    public IntentHead train(float[][] x, List<String> y, List<String> labels) {
        return train(x, y, labels, 0, null);
    }

    /**
     * As {@link #train(float[][], List, List)}, calling {@code checkpoint(epoch, head)} after every
     * {@code checkpointEvery}-th epoch (0 = never) with the head as it is then (threshold 0).
     */
    public IntentHead train(float[][] x, List<String> y, List<String> labels, int checkpointEvery,
                            BiConsumer<Integer, IntentHead> checkpoint) {
        int n = x.length;
        TrainingTargets targets = TrainingTargets.of(n, y, labels, settings.classWeightPower());
        int[] target = targets.target();
        double[] classWeight = targets.classWeight();
        int dim = x[0].length;
        int k = labels.size();
        int h = settings.hidden();

        Random random = new Random(settings.seed());
        float[][] v = new float[h][dim];
        double scale = Math.sqrt(2.0 / dim);
        for (float[] row : v) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) (random.nextGaussian() * scale);
            }
        }
        float[] c1 = new float[h];
        float[][] w = new float[k][h];
        float[] b = new float[k];
        Adam av = new Adam(h * dim), ac = new Adam(h), aw = new Adam(k * h), ab = new Adam(k);

        float[][] gv = new float[h][dim];
        float[] gc = new float[h];
        float[][] gw = new float[k][h];
        float[] gb = new float[k];
        float[] hid = new float[h];
        float[] mask = new float[h];
        float[] dh = new float[h];
        double[] p = new double[k];
        double keep = 1 - settings.dropout();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int start = 0; start < n; start += settings.batchSize()) {
                int end = Math.min(n, start + settings.batchSize());
                for (float[] row : gv) {
                    Arrays.fill(row, 0f);
                }
                for (float[] row : gw) {
                    Arrays.fill(row, 0f);
                }
                Arrays.fill(gc, 0f);
                Arrays.fill(gb, 0f);
                double batchWeight = 0;
                for (int j = start; j < end; j++) {
                    int i = order.get(j);
                    float[] xi = x[i];
                    for (int u = 0; u < h; u++) {
                        float[] vu = v[u];
                        float z = c1[u];
                        for (int d = 0; d < dim; d++) {
                            z += vu[d] * xi[d];
                        }
                        float m = settings.dropout() > 0 ? (random.nextDouble() < keep ? (float) (1 / keep) : 0f) : 1f;
                        mask[u] = z > 0 ? m : 0f;
                        hid[u] = z > 0 ? z * m : 0f;
                    }
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        float[] wc = w[c];
                        double z = b[c];
                        for (int u = 0; u < h; u++) {
                            z += wc[u] * hid[u];
                        }
                        p[c] = z;
                        max = Math.max(max, z);
                    }
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        p[c] = Math.exp(p[c] - max);
                        sum += p[c];
                    }
                    double cw = classWeight[target[i]];
                    batchWeight += cw;
                    Arrays.fill(dh, 0f);
                    for (int c = 0; c < k; c++) {
                        float g = (float) (cw * (p[c] / sum - (c == target[i] ? 1 : 0)));
                        gb[c] += g;
                        float[] gwc = gw[c];
                        float[] wc = w[c];
                        for (int u = 0; u < h; u++) {
                            gwc[u] += g * hid[u];
                            dh[u] += g * wc[u];
                        }
                    }
                    for (int u = 0; u < h; u++) {
                        float g = dh[u] * mask[u];
                        if (g == 0f) {
                            continue;
                        }
                        gc[u] += g;
                        float[] gvu = gv[u];
                        for (int d = 0; d < dim; d++) {
                            gvu[d] += g * xi[d];
                        }
                    }
                }
                if (batchWeight == 0) {
                    continue;
                }
                float inv = (float) (1 / batchWeight);
                float l2 = (float) settings.l2();
                double lr = settings.learningRate();
                av.begin(lr);
                ac.begin(lr);
                aw.begin(lr);
                ab.begin(lr);
                for (int u = 0; u < h; u++) {
                    av.step(v[u], gv[u], inv, l2, u * dim);
                }
                ac.step(c1, gc, inv, 0f, 0);
                for (int c = 0; c < k; c++) {
                    aw.step(w[c], gw[c], inv, l2, c * h);
                }
                ab.step(b, gb, inv, 0f, 0);
            }
            if (checkpoint != null && checkpointEvery > 0 && epoch % checkpointEvery == 0) {
                checkpoint.accept(epoch, new IntentHead(labels, v, c1, w, b, 0.0));
            }
        }
        return new IntentHead(labels, v, c1, w, b, 0.0);
    }

    /** Adam state for one parameter block (flattened). */
    private static final class Adam {
        private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;
        private final float[] m;
        private final float[] s;
        private long t;
        private double lrT;

        Adam(int size) {
            m = new float[size];
            s = new float[size];
        }

        void begin(double lr) {
            t++;
            lrT = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        }

        void step(float[] param, float[] grad, float scale, float l2, int offset) {
            for (int d = 0; d < param.length; d++) {
                float g = grad[d] * scale + l2 * param[d];
                int q = offset + d;
                m[q] = (float) (BETA1 * m[q] + (1 - BETA1) * g);
                s[q] = (float) (BETA2 * s[q] + (1 - BETA2) * g * g);
                param[d] -= (float) (lrT * m[q] / (Math.sqrt(s[q]) + EPS));
            }
        }
    }
}
